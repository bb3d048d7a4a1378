namespace SupportQueue.Core.Planning;

/// <summary>
/// One round of the iterative staffing loop: the staffing it produced ([tier][interval]), the
/// largest change of any interval from the round before (int.MaxValue for the first round), and
/// how many intervals changed.
/// </summary>
public sealed record IsaIteration(int Number, int[][] Staffing, int MaxChange, int ChangedIntervals);
