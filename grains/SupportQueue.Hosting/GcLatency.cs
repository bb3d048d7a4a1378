using System.Runtime;

namespace SupportQueue.Hosting;

/// <summary>How a process hosting a silo asks the garbage collector for short pauses.</summary>
public static class GcLatency
{
    /// <summary>
    /// Sustained low latency: gen0/1 and background gen2 collections only, no blocking full
    /// collection unless memory runs short. With workstation (concurrent) GC, the silo's setting,
    /// gen0/1 pauses stay under ~20 ms; without this mode a 1,000,000-ticket outage backlog met one
    /// compacting gen2 collection of 971 ms (docs/performance.md).
    /// </summary>
    public static void PreferShortPauses() => GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
}
