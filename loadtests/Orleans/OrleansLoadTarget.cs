using System.Collections.Concurrent;
using SupportQueue.Core.Model;
using SupportQueue.Grains;
using SupportQueue.LoadTests.Http;
using SupportQueue.LoadTests.Measurement;
using SupportQueue.LoadTests.Runner;
using SupportQueue.LoadTests.Scenarios;

namespace SupportQueue.LoadTests.Orleans;

/// <summary>
/// SupportQueue under load: customers submit tickets on the runner's open-model schedule (scenario
/// <c>submit</c>), synthetic agents work what they are given in a closed loop (scenario <c>agents</c>,
/// one copy per agent capacity slot). Operations recorded: <c>submit</c>, <c>submit->assign</c> (from the
/// submit's intended start to the first assignment), <c>escalate</c>, <c>resolve</c>, <c>abandon</c>.
/// </summary>
public sealed class OrleansLoadTarget : ILoadTarget
{
    public const string SubmitScenario = "submit";
    public const string AgentScenario = "agents";

    private readonly LoadCluster _cluster;
    private readonly ScenarioWorkload _workload;
    private readonly string _runTag;
    private readonly ConcurrentDictionary<string, TicketTrack> _tickets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AgentLoop> _agentsById = new(StringComparer.Ordinal);
    private readonly List<AgentLoop> _agents = [];

    // One entry per agent capacity slot (the agents' closed-model copies): copy i works for _slots[i].
    private readonly List<AgentLoop> _slots = [];
    private readonly IReadOnlyList<PresenceChange> _presenceChanges;
    private readonly CustomerPatience _patience;
    private readonly CancellationTokenSource _stopping = new();

    // After the agents' phase has ended, an idle copy returns this often until the runner retires it.
    private static readonly TimeSpan _idleWait = TimeSpan.FromMilliseconds(250);

    // Cancelled when the agents' phase ends: idle agent copies wait on it (not on a short poll, which
    // cost every idle slot a timer and a token source several times a second) so they return on time.
    private CancellationTokenSource _agentsOff = new();
    private readonly Dictionary<string, long> _lastReceived = new(StringComparer.Ordinal);
    private IMeasurements _measurements = new Measurements();
    private TimeProvider _time = TimeProvider.System;
    private long _agentsEnd = long.MaxValue;
    private TimeSpan _agentsDuring = Timeout.InfiniteTimeSpan;
    private Task _rosterLoop = Task.CompletedTask;
    private HttpSubmitter? _httpSubmitter;

    /// <summary>A target for one run; <paramref name="allSignedIn"/>: every agent signed in throughout instead of following the roster.</summary>
    public OrleansLoadTarget(LoadCluster cluster, ScenarioWorkload workload, string runTag, TimeSpan pollInterval, bool allSignedIn = false)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(cluster);
        _cluster = cluster;
        _workload = workload;
        _patience = new CustomerPatience(cluster.Client);
        _runTag = runTag;
        DeskId = runTag + "-desk";
        PollInterval = pollInterval;
        var (specs, changes) = workload.Roster(DeskId, runTag);
        foreach (var spec in specs)
        {
            var loop = new AgentLoop(spec, workload.TierNames.IndexOf(spec.Tier));
            _agents.Add(loop);
            _agentsById.Add(spec.AgentId, loop);
            _slots.AddRange(Enumerable.Repeat(loop, spec.Capacity));
        }

        _presenceChanges = allSignedIn ? [.. _agents.Select((_, i) => new PresenceChange(0, i, Presence.Available))] : changes;
    }

    public string Name => $"SupportQueue on {_cluster.Description}";

    public string DeskId { get; }

    /// <summary>External clusters only: how often each agent polls its grain for new assignments (the submit→assign error bound).</summary>
    public TimeSpan PollInterval { get; }

    /// <summary>How assignments are observed, for the report.</summary>
    public string AssignmentObservation => _cluster.Feed is not null
        ? "in-silo assignment observer on AgentGrain (error: microseconds)"
        : $"agents poll AgentGrain.Get every {PollInterval.TotalMilliseconds:0} ms (submit->assign overstated by up to that interval)";

    /// <summary>Set on a cluster behind HTTP once started: the customers' integration, with its submitter key.</summary>
    public HttpSubmitter? HttpSubmitter => _httpSubmitter;

    public long AbandonedByPatience => _patience.Abandoned;

    public long PatienceTooLate => _patience.TooLate;

    /// <summary>Last per-silo activation counts seen by the load sampler.</summary>
    public IReadOnlyDictionary<string, int> LastActivations { get; private set; } = new Dictionary<string, int>();

    /// <summary>Total messages received per silo over the run.</summary>
    public ConcurrentDictionary<string, long> ReceivedBySilo { get; } = new(StringComparer.Ordinal);

    public int AgentSlots => _slots.Count;

    /// <summary>The tickets as the audit read them back (for per-tier measures), and the grain time it did.</summary>
    public IReadOnlyCollection<Ticket> AuditedTickets { get; private set; } = [];

    public DateTimeOffset AuditedAt { get; private set; }

    /// <summary>The agents' specs, in roster order.</summary>
    public IEnumerable<AgentSpec> AgentSpecs => _agents.Select(a => a.Spec);

    /// <summary>The customers: open model, the scenario's arrivals in compressed time.</summary>
    public LoadScenario Arrivals() =>
        LoadScenario.Create(SubmitScenario, SubmitAsync).WithLoadSimulations(_workload.Arrivals());

    /// <summary>The agents: every capacity slot loops for <paramref name="during"/>; the steps record their own operations.</summary>
    public LoadScenario Agents(TimeSpan during)
    {
        _agentsDuring = during;
        return LoadScenario.Create(AgentScenario, WorkAsync)
            .WithStepOperation(null)
            .WithLoadSimulations(Simulation.KeepConstant(AgentSlots, during));
    }

    public async Task StartAsync(LoadTargetContext context, CancellationToken cancellationToken)
    {
        _measurements = context.Measurements;
        _time = context.Time;
        var client = _cluster.Client;
        foreach (var (name, received) in _cluster.Messages?.Read() ?? new Dictionary<string, long>())
        {
            _lastReceived[name] = received; // counted from here: earlier runs and the warm-up are not this run's load
        }

        await client.GetGrain<IDeskSchedulerGrain>(DeskId).Configure(_workload.DeskSettings()).WaitAsync(cancellationToken).ConfigureAwait(false);
        await Parallel.ForEachAsync(_agents, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (a, _) =>
        {
            var grain = client.GetGrain<IAgentGrain>(a.Spec.AgentId);
            await grain.Register(a.Spec).ConfigureAwait(false);
        }).ConfigureAwait(false);

        // Who is on duty at the start signs in before the first arrival; later shifts and breaks follow in compressed time.
        var atStart = _presenceChanges.TakeWhile(c => c.Minutes <= 0).ToList();
        await Parallel.ForEachAsync(atStart, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (c, _) =>
            await client.Agent(_agents[c.AgentIndex].Spec.AgentId).SetPresence(c.Presence).ConfigureAwait(false)).ConfigureAwait(false);
        if (_cluster.SubmitsOverHttp && _cluster.Http is { } http)
        {
            // Customers reach the desk as an integration would: a submitter key for this desk, POST /tickets.
            _httpSubmitter = new HttpSubmitter(http.Http, await http.CreateKeyAsync(DeskId, Silo.Security.ApiRole.Submitter, cancellationToken).ConfigureAwait(false));
        }

        _cluster.Feed?.Subscribe(OnAssigned);
        if (_agentsDuring != Timeout.InfiniteTimeSpan)
        {
            // The runner starts its schedule right after this returns.
            _agentsEnd = _time.GetTimestamp() + (long)(_agentsDuring.TotalSeconds * _time.TimestampFrequency);
            _agentsOff = new CancellationTokenSource(_agentsDuring, _time);
        }

        if (_presenceChanges.Count > atStart.Count)
        {
            _rosterLoop = RosterLoopAsync(_presenceChanges.Skip(atStart.Count).ToList(), _time.GetTimestamp());
        }
    }

    /// <summary>The roster's shift starts and ends and breaks, each at its compressed time from the start of the run.</summary>
    private async Task RosterLoopAsync(List<PresenceChange> changes, long start)
    {
        foreach (var change in changes)
        {
            var due = _workload.ToWall(change.Minutes) - _time.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(due, _time, _stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            var begin = _time.GetTimestamp();
            try
            {
                await _cluster.Client.Agent(_agents[change.AgentIndex].Spec.AgentId).SetPresence(change.Presence).ConfigureAwait(false);
                _measurements.Record("roster", begin, begin, _time.GetTimestamp());
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                _measurements.RecordFailure("roster", FailureKind.Of(ex));
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _cluster.Feed?.Subscribe(null);
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _agentsOff.CancelAsync().ConfigureAwait(false);
        await _patience.WhenAll().ConfigureAwait(false);
        await _rosterLoop.ConfigureAwait(false);
        // Signed-out agents get no more offers, so the state read back by the audit stays put.
        await Parallel.ForEachAsync(_agents, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (a, _) =>
        {
            try
            {
                await _cluster.Client.Agent(a.Spec.AgentId).SetPresence(Presence.Offline).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _measurements.RecordFailure("sign-out", FailureKind.Of(ex));
            }
        }).ConfigureAwait(false);
        await _cluster.Client.GetGrain<IDeskSchedulerGrain>(DeskId).WhenIdle().WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyDictionary<string, long>?> SampleSiloLoadAsync(CancellationToken cancellationToken)
    {
        var management = _cluster.Client.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetHosts(onlyActive: true).WaitAsync(cancellationToken).ConfigureAwait(false);
        var silos = hosts.Keys.ToArray();
        var stats = await management.GetRuntimeStatistics(silos).WaitAsync(cancellationToken).ConfigureAwait(false);
        LastActivations = silos.Select((s, i) => (Name: s.Endpoint.ToString(), stats[i].ActivationCount)).ToDictionary(x => x.Name, x => x.ActivationCount, StringComparer.Ordinal);

        // Messages from Orleans' own meter, per silo (in-process only: an external cluster's meters are in its processes).
        if (_cluster.Messages is not { } meter)
        {
            return null;
        }

        var load = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, received) in meter.Read())
        {
            var delta = Math.Max(0, received - _lastReceived.GetValueOrDefault(name));
            _lastReceived[name] = received;
            load[name] = delta;
            ReceivedBySilo.AddOrUpdate(name, delta, (_, v) => v + delta);
        }

        return load;
    }

    /// <summary>Reads every ticket, agent and the desk back and checks the invariants; also derives the service measures.</summary>
    public async Task<(InvariantReport Invariants, DeskOutcome Outcome)> AuditAsync(CancellationToken cancellationToken)
    {
        var client = _cluster.Client;
        var desk = client.GetGrain<IDeskSchedulerGrain>(DeskId);
        await desk.WhenIdle().WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);

        // What each submit's caller heard, taken before any ticket is read: a submit that answers
        // while the tickets are read then counts as pending (uncertain), never as a success whose
        // ticket was read before it existed.
        var (submitted, uncertain) = InvariantChecker.SplitSubmits([.. _tickets.Select(t => KeyValuePair.Create(t.Key, t.Value.SubmitState))]);
        var read = await ClusterReadBack.ReadAsync(client, DeskId, _tickets.Keys, _agents.Select(a => a.Spec), cancellationToken).ConfigureAwait(false);
        var tickets = read.Tickets;
        var report = InvariantChecker.Check(new AuditInput(submitted, uncertain, tickets, [.. read.Agents], read.Status, read.AuditError) { ReadErrors = [.. read.ReadErrors] });
        var now = _cluster.GrainClock?.GetUtcNow() ?? DateTimeOffset.UtcNow;
        AuditedTickets = tickets.Values.OfType<Ticket>().ToList();
        AuditedAt = now;
        var outcome = DeskOutcome.From(AuditedTickets, _workload.ServiceLevelTarget, now);
        return (report, outcome);
    }

    private async ValueTask<StepResult> SubmitAsync(StepContext context)
    {
        var number = context.InvocationNumber;
        var id = $"{_runTag}-t{number}";
        // Registered before the call: the assignment can be observed before Submit returns.
        var track = new TicketTrack(number, context.IntendedStartTimestamp, context.ActualStartTimestamp);
        _tickets[id] = track;
        if (_httpSubmitter is { } http)
        {
            var (outcome, failure) = await http.SubmitAsync(_workload.Ticket(DeskId, id, number)).ConfigureAwait(false);
            track.SubmitState = outcome;
            if (failure is not null)
            {
                return StepResult.Fail(failure);
            }
        }
        else
        {
            try
            {
                await _cluster.Client.Ticket(id).Submit(_workload.Ticket(DeskId, id, number)).ConfigureAwait(false);
                track.SubmitState = SubmitOutcome.Stored;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A refusal changed nothing; anything else may or may not have stored the ticket.
                track.SubmitState = ex is SupportQueueException ? SubmitOutcome.Refused : SubmitOutcome.Unknown;
                return StepResult.Fail(FailureKind.Of(ex));
            }
        }

        if (_workload.Patience(number) is { } patience)
        {
            _patience.Wait(id, track, patience, _measurements, _time, _stopping.Token);
        }

        return StepResult.Ok();
    }

    private void OnAssigned(string ticketId, string agentId)
    {
        if (!_agentsById.TryGetValue(agentId, out var agent) || !_tickets.TryGetValue(ticketId, out var track))
        {
            return;
        }

        lock (agent.Known)
        {
            // Kept for the whole run: a retried offer reports Accepted again, and a poll that raced a
            // resolve or escalation still lists the ticket; neither is new work.
            if (!agent.Known.Add(ticketId))
            {
                return;
            }
        }

        var visit = Interlocked.Increment(ref track.Assignments) - 1;
        if (visit == 0)
        {
            var now = _time.GetTimestamp();
            _measurements.Record("submit->assign", track.IntendedStart, track.ActualStart, now);
            _measurements.Record($"submit->assign@{agent.Spec.Tier}", track.IntendedStart, track.ActualStart, now); // by the tier that answered first
        }

        agent.Work.Writer.TryWrite(new Work(ticketId, track.Number, visit));
    }

    private async ValueTask<StepResult> WorkAsync(StepContext context)
    {
        var agent = _slots[context.CopyIndex];
        if (!agent.Work.Reader.TryRead(out var work))
        {
            work = await WaitForWorkAsync(agent, context.CancellationToken).ConfigureAwait(false);
            if (work is null)
            {
                return StepResult.Ok();
            }
        }

        var (handling, escalate) = _workload.Handling(work.Number, agent.TierIndex);
        // Work that would run past the agents' shift stays in service: otherwise the slowest handling
        // time of the run, not the schedule, would decide when the run ends.
        var left = _time.GetElapsedTime(_time.GetTimestamp(), _agentsEnd);
        try
        {
            await Task.Delay(handling < left ? handling : left < TimeSpan.Zero ? TimeSpan.Zero : left, _time, context.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return StepResult.Fail("cancelled");
        }

        if (handling >= left)
        {
            return StepResult.Ok();
        }

        var grain = agent.Grain ??= _cluster.Client.Agent(agent.Spec.AgentId);
        return await AgentFinish.RunAsync(
            grain, work.TicketId, escalate ? _workload.TierNames[agent.TierIndex + 1] : null, _measurements, _time, context.CancellationToken).ConfigureAwait(false);
    }

    private async Task<Work?> WaitForWorkAsync(AgentLoop agent, CancellationToken cancellationToken)
    {
        if (_cluster.Feed is null)
        {
            // No feed from inside the silos: ask the agent grain what it holds.
            await Task.Delay(PollInterval, _time, cancellationToken).ConfigureAwait(false);
            var held = await _cluster.Client.Agent(agent.Spec.AgentId).Get().ConfigureAwait(false);
            foreach (var id in held.Assignments)
            {
                OnAssigned(id, agent.Spec.AgentId);
            }

            return agent.Work.Reader.TryRead(out var polled) ? polled : null;
        }

        if (_agentsOff.IsCancellationRequested)
        {
            // The shift is over but the runner has not retired this copy yet: do not spin.
            try
            {
                await Task.Delay(_idleWait, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Aborted: nothing more to do either way.
            }

            return null;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _agentsOff.Token);
        try
        {
            return await agent.Work.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
