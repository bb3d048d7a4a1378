namespace SupportQueue.LoadTests.Runner;

/// <summary>
/// The pure schedule of a scenario: where each phase sits, the open-model rate over time and the
/// intended arrival times derived from it, and the closed-model copy count over time. No clock involved.
/// </summary>
public sealed class ScenarioPlan
{
    // Seasonal curves are integrated piecewise; a segment per 50 ms of wall time follows a compressed
    // demand curve closely enough while keeping the segment list small for long runs.
    private const double SeasonalSegmentSeconds = 0.05;
    private const int MinSeasonalSegments = 100;
    private const int MaxSeasonalSegments = 200_000;

    private readonly List<RateSegment> _segments = [];
    private readonly List<CopiesChange> _copies = [];
    private readonly List<TimeSpan> _replayed = [];

    private ScenarioPlan(IReadOnlyList<PlannedPhase> phases)
    {
        Phases = phases;
        TotalDuration = phases.Count == 0 ? TimeSpan.Zero : phases[^1].End;
    }

    /// <summary>The phases in order with their start offsets.</summary>
    public IReadOnlyList<PlannedPhase> Phases { get; }

    /// <summary>Sum of all phase durations.</summary>
    public TimeSpan TotalDuration { get; }

    /// <summary>Whether any phase is open-model.</summary>
    public bool HasOpenModel => _segments.Count > 0 || _replayed.Count > 0;

    /// <summary>Closed-model copy count changes, in time order, ending with 0 at <see cref="TotalDuration"/>.</summary>
    public IReadOnlyList<CopiesChange> CopiesChanges => _copies;

    /// <summary>Lays out <paramref name="simulations"/> back to back.</summary>
    public static ScenarioPlan Create(IReadOnlyList<LoadSimulation> simulations)
    {
        ArgumentNullException.ThrowIfNull(simulations);
        var phases = new List<PlannedPhase>(simulations.Count);
        var offset = TimeSpan.Zero;
        foreach (var sim in simulations)
        {
            ArgumentNullException.ThrowIfNull(sim, nameof(simulations));
            phases.Add(new PlannedPhase(offset, sim));
            offset += sim.During;
        }

        var plan = new ScenarioPlan(phases);
        plan.Build();
        return plan;
    }

    private void Build()
    {
        double previousRate = 0;
        var previousCopies = 0;
        foreach (var phase in Phases)
        {
            var start = phase.Start.TotalSeconds;
            var end = phase.End.TotalSeconds;
            var d = phase.Simulation.During.TotalSeconds;
            switch (phase.Simulation)
            {
                case InjectSimulation inject:
                    AddSegment(start, end, inject.RatePerSecond, inject.RatePerSecond);
                    previousRate = inject.RatePerSecond;
                    previousCopies = 0;
                    SetCopies(phase.Start, 0);
                    break;

                case RampingInjectSimulation ramp:
                    AddSegment(start, end, previousRate, ramp.RatePerSecond);
                    previousRate = ramp.RatePerSecond;
                    previousCopies = 0;
                    SetCopies(phase.Start, 0);
                    break;

                case SeasonalSimulation seasonal:
                    var n = (int)Math.Clamp(Math.Ceiling(d / SeasonalSegmentSeconds), MinSeasonalSegments, MaxSeasonalSegments);
                    // Midpoint rule: exact for shapes that are constant across segments (step-shaped peaks)
                    // and second-order accurate for smooth curves.
                    for (var i = 0; i < n; i++)
                    {
                        var r = seasonal.RateAt((i + 0.5) / n);
                        // Boundaries come from one formula so neighbours share them exactly (no gaps from rounding).
                        AddSegment(start + (d * i / n), i == n - 1 ? end : start + (d * (i + 1) / n), r, r);
                    }

                    previousRate = seasonal.RateAt(1);
                    previousCopies = 0;
                    SetCopies(phase.Start, 0);
                    break;

                case KeepConstantSimulation keep:
                    SetCopies(phase.Start, keep.Copies);
                    previousCopies = keep.Copies;
                    previousRate = 0;
                    break;

                case RampingConstantSimulation rampCopies:
                    // The count is the linear ramp rounded to the nearest integer: the step to c0 ± j
                    // happens when the line crosses the half-way point, so the mean equals the line's mean.
                    var delta = rampCopies.Copies - previousCopies;
                    SetCopies(phase.Start, previousCopies);
                    for (var j = 1; j <= Math.Abs(delta); j++)
                    {
                        var at = phase.Start + TimeSpan.FromSeconds(d * (j - 0.5) / Math.Abs(delta));
                        SetCopies(at, previousCopies + (Math.Sign(delta) * j));
                    }

                    previousCopies = rampCopies.Copies;
                    previousRate = 0;
                    break;

                case ReplaySimulation replay:
                    _replayed.AddRange(replay.Offsets.Select(o => phase.Start + o));
                    previousRate = 0;
                    previousCopies = 0;
                    SetCopies(phase.Start, 0);
                    break;

                case PauseSimulation:
                    previousRate = 0;
                    previousCopies = 0;
                    SetCopies(phase.Start, 0);
                    break;

                default:
                    throw new NotSupportedException($"Unknown simulation type {phase.Simulation.GetType().Name}.");
            }
        }

        SetCopies(TotalDuration, 0);
    }

    private void AddSegment(double start, double end, double r0, double r1)
    {
        if (end > start && (r0 > 0 || r1 > 0))
        {
            _segments.Add(new RateSegment(start, end, r0, r1));
        }
    }

    private void SetCopies(TimeSpan offset, int copies)
    {
        // Several phases may touch the same instant (a ramp's start, the next phase's start); the last word wins.
        if (_copies.Count > 0 && _copies[^1].Offset == offset)
        {
            _copies.RemoveAt(_copies.Count - 1);
        }

        var current = _copies.Count == 0 ? 0 : _copies[^1].Copies;
        if (copies != current)
        {
            _copies.Add(new CopiesChange(offset, copies));
        }
    }

    /// <summary>The open-model arrival rate (requests per second) at <paramref name="offset"/>.</summary>
    public double RateAt(TimeSpan offset)
    {
        var t = offset.TotalSeconds;
        foreach (var s in _segments)
        {
            if (t >= s.Start && t < s.End)
            {
                return s.RateAt(t - s.Start);
            }
        }

        return 0;
    }

    /// <summary>Expected number of open-model arrivals between two offsets (the integral of the rate).</summary>
    public double ExpectedArrivals(TimeSpan from, TimeSpan to)
    {
        double sum = 0;
        var a = from.TotalSeconds;
        var b = to.TotalSeconds;
        foreach (var s in _segments)
        {
            var lo = Math.Max(a, s.Start) - s.Start;
            var hi = Math.Min(b, s.End) - s.Start;
            if (hi > lo)
            {
                sum += s.CumulativeAt(hi) - s.CumulativeAt(lo);
            }
        }

        return sum;
    }

    /// <summary>The closed-model copy count at <paramref name="offset"/>.</summary>
    public int CopiesAt(TimeSpan offset)
    {
        var copies = 0;
        foreach (var change in _copies)
        {
            if (change.Offset > offset)
            {
                break;
            }

            copies = change.Copies;
        }

        return copies;
    }

    /// <summary>
    /// Intended start offsets of all open-model arrivals, ascending. Uses the time-change view of a
    /// rate-varying process: arrivals sit where the cumulative expected count Λ(t) reaches successive
    /// targets — integers for <see cref="ArrivalSpacing.Uniform"/>, sums of unit exponentials for
    /// <see cref="ArrivalSpacing.Poisson"/>. Lazy, so long runs don't materialise millions of times.
    /// </summary>
    public IEnumerable<TimeSpan> ArrivalOffsets(ArrivalSpacing spacing, int seed = 0) =>
        _replayed.Count == 0 ? RateArrivalOffsets(spacing, seed) : Merge(RateArrivalOffsets(spacing, seed), _replayed);

    private static IEnumerable<TimeSpan> Merge(IEnumerable<TimeSpan> drawn, List<TimeSpan> replayed)
    {
        var next = 0;
        foreach (var offset in drawn)
        {
            while (next < replayed.Count && replayed[next] <= offset)
            {
                yield return replayed[next++];
            }

            yield return offset;
        }

        while (next < replayed.Count)
        {
            yield return replayed[next++];
        }
    }

    private IEnumerable<TimeSpan> RateArrivalOffsets(ArrivalSpacing spacing, int seed)
    {
        var random = new Random(seed);
        double NextGap() => spacing == ArrivalSpacing.Uniform ? 1.0 : -Math.Log(1.0 - random.NextDouble());

        var target = spacing == ArrivalSpacing.Uniform ? 0.0 : NextGap();
        double lambdaBase = 0;
        foreach (var s in _segments)
        {
            var total = s.CumulativeAt(s.Duration);
            // The tolerance keeps a rate × duration that is an integer on paper (10/s × 1 s) from gaining
            // an extra arrival at the very end through rounding.
            var limit = lambdaBase + total - (1e-9 * Math.Max(1, total));
            while (target < limit)
            {
                var tau = s.InverseCumulative(Math.Max(0, target - lambdaBase));
                yield return TimeSpan.FromSeconds(s.Start + tau);
                target += NextGap();
            }

            lambdaBase += total;
        }
    }

    /// <summary>A stretch of linearly changing rate: r(τ) = r0 + (r1 − r0)·τ/d.</summary>
    private readonly record struct RateSegment(double Start, double End, double StartRate, double EndRate)
    {
        public double Duration => End - Start;

        private double Slope => (EndRate - StartRate) / Duration;

        public double RateAt(double tau) => StartRate + (Slope * tau);

        public double CumulativeAt(double tau) => (StartRate * tau) + (0.5 * Slope * tau * tau);

        /// <summary>Solves Λ(τ) = a. The rationalised root 2a / (r0 + √(r0² + 2ka)) stays stable when k → 0 and when r0 = 0.</summary>
        public double InverseCumulative(double a)
        {
            if (a <= 0)
            {
                return 0;
            }

            var disc = Math.Max(0, (StartRate * StartRate) + (2 * Slope * a));
            var denom = StartRate + Math.Sqrt(disc);
            return denom <= 0 ? Duration : Math.Min(Duration, 2 * a / denom);
        }
    }
}
