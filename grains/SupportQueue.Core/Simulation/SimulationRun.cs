using SupportQueue.Core.Model;

namespace SupportQueue.Core.Simulation;

/// <summary>
/// One replication of a scenario. Customers come from a <see cref="CustomerSource"/>, agents and
/// their shifts from a <see cref="RosterSchedule"/>, ticket objects from a <see cref="TicketPool"/>,
/// and what happens goes to an <see cref="OutcomeRecorder"/>; the <see cref="RunLoop"/> runs the
/// events. Every routing decision is the desk's, reached through an <see cref="IDeskDriver"/>.
/// </summary>
public sealed class SimulationRun
{
    private readonly Scenario _scenario;
    private readonly int _replication;
    private readonly DeskSettings _desk;
    private readonly SimTime _time;
    private readonly string _deskId;
    private readonly RunCalendar _calendar;
    private readonly CustomerSource _customers;
    private readonly RosterSchedule _roster;
    private readonly TicketPool _tickets;
    private readonly OutcomeRecorder _recorder;

    public SimulationRun(Scenario scenario, int replication, SimulationOptions? options = null)
    {
        scenario.EnsureValid();
        options ??= new SimulationOptions();
        _scenario = scenario;
        _replication = replication;
        _desk = scenario.Desk;
        _time = new SimTime(scenario.Start);
        _deskId = options.IdPrefix + "desk";
        _calendar = new RunCalendar(scenario.HorizonMinutes);
        _customers = new CustomerSource(scenario, replication);
        _recorder = new OutcomeRecorder(scenario);
        _roster = new RosterSchedule(scenario, replication, _calendar, _recorder, options.IdPrefix, _deskId, options.StaffingOverride);
        _tickets = new TicketPool(options.IdPrefix, _desk.TierCount, options.RecordOutcomes, _desk.MaxOpenTickets);
    }

    /// <summary>Runs the replication to the horizon.</summary>
    public async ValueTask<ReplicationResult> RunAsync(IDeskDriver driver, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        await driver.Configure(_deskId, _desk, _roster.Specs, _time.Epoch);
        _roster.Start();
        _calendar.ScheduleArrival(_customers.NextArrival(0));
        _calendar.Schedule(_scenario.IntervalMinutes, new SimEvent(EventKind.IntervalEnd));

        var loop = new RunLoop(_scenario, _time, _calendar, _customers, _roster, _tickets, _recorder, progress, cancellationToken);
        while (await loop.StepsAsync(driver))
        {
            // Every few hundred events, so a cancelled run stops at once however slowly virtual time moves.
            cancellationToken.ThrowIfCancellationRequested();
        }

        progress?.Report(1.0);
        return _recorder.Finish(_replication, loop.Events, _roster.Agents, _tickets.OpenTickets(), _customers.Rate);
    }

    /// <summary>Runs with the in-process engine; completes synchronously.</summary>
    public ReplicationResult RunFast(IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(new EngineDeskDriver(), progress, cancellationToken).AsTask().GetAwaiter().GetResult();
}
