using SupportQueue.Core.Model;

namespace SupportQueue.Grains.Tests;

/// <summary>Fresh ids, so tests sharing one cluster never meet each other's desks, agents or tickets.</summary>
internal static class TestIds
{
    public static string New(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>A fresh desk, configured (default settings unless given); returns its id.</summary>
    public static async Task<string> NewDesk(IGrainFactory grains, DeskSettings? settings = null)
    {
        var desk = New("desk");
        await grains.Desk(desk).Configure(settings ?? DeskSettings.Default);
        return desk;
    }
}
