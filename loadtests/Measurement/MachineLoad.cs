using System.Globalization;

namespace SupportQueue.LoadTests.Measurement;

/// <summary>The machine's one-minute load average, so a report can say when a run shared its cores with other work.</summary>
public static class MachineLoad
{
    /// <summary>From /proc/loadavg; null where there is none (not Linux) or it cannot be read.</summary>
    public static double? OneMinute()
    {
        try
        {
            var text = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg") : null;
            var first = text?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
