namespace SupportQueue.LoadTests.Benchmarks;

/// <summary>One measured grain-mode run; <see cref="OutcomesMatch"/> is null when the fast run was skipped.</summary>
public sealed record GrainBenchmarkResult(
    long Tickets,
    long Events,
    TimeSpan Elapsed,
    TimeSpan FastElapsed,
    bool? OutcomesMatch,
    TimeSpan SerialCall = default,
    CapacityProbeResult? Capacity = null)
{
    public double TicketsPerSecond => Tickets / Elapsed.TotalSeconds;

    public double FastTicketsPerSecond => FastElapsed > TimeSpan.Zero ? Tickets / FastElapsed.TotalSeconds : double.NaN;

    public override string ToString() =>
        $"grain mode: {Tickets} tickets, {Events} events in {Elapsed.TotalSeconds:F1} s = {TicketsPerSecond:F0} tickets/s" +
        (OutcomesMatch is { } match ? $"; fast mode {FastElapsed.TotalSeconds:F2} s = {FastTicketsPerSecond:F0} tickets/s; per-ticket outcomes {(match ? "identical" : "DIFFER")}" : "") +
        (SerialCall > TimeSpan.Zero ? $"{Environment.NewLine}one awaited no-op grain call on the same silo: {SerialCall.TotalMicroseconds:F1} us; a ticket's events await about {CallsPerTicket} calls in sequence (submit 2, offer 2, resolve 3, two journal drains 2 each), so the latency floor is {1 / (SerialCall.TotalSeconds * CallsPerTicket):F0} tickets/s" : "") +
        (Capacity is { } capacity ? Environment.NewLine + capacity : "");

    /// <summary>Grain calls a simulated ticket's events await one after another (see <see cref="Grains.Simulation.GrainDeskDriver"/>).</summary>
    public const int CallsPerTicket = 11;
}
