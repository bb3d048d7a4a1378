namespace SupportQueue.Hosting.Database;

/// <summary>How a database's recorded migrations compare with the ones in this build.</summary>
/// <param name="HasMigrationTable">False for a database no migration ever touched.</param>
/// <param name="Applied">Rows of <c>schema_migrations</c>, in version order.</param>
/// <param name="Pending">Migrations of this build that the database lacks, in version order.</param>
/// <param name="Mismatched">Migrations whose applied checksum differs from this build's file.</param>
/// <param name="Unknown">Applied versions this build does not have (a newer build migrated the database).</param>
public sealed record SchemaStatus(
    bool HasMigrationTable,
    IReadOnlyList<AppliedMigration> Applied,
    IReadOnlyList<Migration> Pending,
    IReadOnlyList<Migration> Mismatched,
    IReadOnlyList<AppliedMigration> Unknown)
{
    /// <summary>The database has every migration of this build, unmodified.</summary>
    public bool IsCurrent => HasMigrationTable && Pending.Count == 0 && Mismatched.Count == 0;
}
