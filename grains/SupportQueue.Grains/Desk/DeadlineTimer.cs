namespace SupportQueue.Grains;

/// <summary>
/// A desk grain's one grain timer for its engine's next deadline, so escalations fire when nobody
/// calls. Re-armed only when the deadline moved.
/// </summary>
internal sealed class DeadlineTimer(IGrainBase grain, TimeProvider clock, Action onDue) : IGrainTimeTimer
{
    private IGrainTimer? _timer;
    private DateTimeOffset? _due;

    /// <summary>Fires <c>onDue</c> at <paramref name="due"/> (at once when past); null disarms it.</summary>
    public void Arm(DateTimeOffset? due)
    {
        if (due == _due)
        {
            return;
        }

        _timer?.Dispose();
        _timer = null;
        _due = due;
        if (due is { } at)
        {
            var delay = at - clock.GetUtcNow();
            _timer = grain.RegisterGrainTimer(
                static (timer, _) => timer.Fire(),
                this,
                new GrainTimerCreationOptions(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan) { Interleave = true });
        }
    }

    private Task Fire()
    {
        _due = null;
        onDue();
        return Task.CompletedTask;
    }
}
