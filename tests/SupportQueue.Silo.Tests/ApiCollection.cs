namespace SupportQueue.Silo.Tests;

/// <summary>One silo and HTTP host for all API tests: starting a silo costs seconds.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiHost>
{
    public const string Name = "api";
}
