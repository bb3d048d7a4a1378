namespace SupportQueue.Grains.Tests;

/// <summary>Fresh ids, so tests sharing one cluster never meet each other's desks, agents or tickets.</summary>
internal static class TestIds
{
    public static string New(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
