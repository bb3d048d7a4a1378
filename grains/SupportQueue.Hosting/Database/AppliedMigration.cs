namespace SupportQueue.Hosting.Database;

/// <summary>A migration recorded in <c>schema_migrations</c>.</summary>
public sealed record AppliedMigration(int Version, string Name, string Checksum, DateTimeOffset AppliedAt);
