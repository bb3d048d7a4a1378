using Spectre.Console;
using SupportQueue.Client.Simulation;
using SupportQueue.Core.Planning;

namespace SupportQueue.Client.Planning;

/// <summary>
/// One progress line per phase of the plan (baseline, requirement rounds, solver with its gap,
/// Erlang roster, verification rounds), each finished when the next begins. Reports arrive on
/// whichever thread is working, the solver's included, so every update takes a lock.
/// </summary>
public sealed class PlanProgressDisplay(ProgressContext context) : IProgress<PlanProgress>
{
    private readonly Lock _gate = new();
    private ProgressTask? _task;
    private PlanPhase? _phase;
    private string _line = "";
    private string _replications = "";

    public void Report(PlanProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (_phase != value.Phase)
            {
                Finish();
                _phase = value.Phase;
                _replications = "";
                if (value.Phase == PlanPhase.Done)
                {
                    return;
                }

                _task = context.AddTask(PlanTables.PhaseName(value.Phase), maxValue: 1);
                _task.IsIndeterminate = true;
            }

            var gap = value.Gap is { } g && double.IsFinite(g) && !value.Message.Contains("gap", StringComparison.Ordinal) ? $" · gap {ReportFormat.Percent(g)}" : "";
            // The engine's messages usually name their phase and round already.
            var name = PlanTables.PhaseName(value.Phase);
            _line = value.Message.StartsWith(value.Phase.ToString(), StringComparison.OrdinalIgnoreCase) || value.Message.StartsWith(name, StringComparison.OrdinalIgnoreCase)
                ? value.Message + gap
                : $"{name}: {value.Message}{gap}";
            Show();
        }
    }

    /// <summary>Replications done in the current batch, shown after the phase's line.</summary>
    public void Replication(int done, int of)
    {
        lock (_gate)
        {
            _replications = $" ({done}/{of} replications)";
            Show();
        }
    }

    /// <summary>Marks the last phase done.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            Finish();
        }
    }

    private void Show()
    {
        if (_task is not null)
        {
            _task.Description = Markup.Escape(_line + _replications);
        }
    }

    private void Finish()
    {
        if (_task is not null)
        {
            _task.IsIndeterminate = false;
            _task.Value = _task.MaxValue;
            _task.StopTask();
            _task = null;
        }
    }
}
