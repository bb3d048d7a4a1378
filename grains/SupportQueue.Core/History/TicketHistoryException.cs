using SupportQueue.Core.Randomness;

namespace SupportQueue.Core.History;

/// <summary>A ticket-history trace that cannot be read; <see cref="Errors"/> names the row, field and value of each problem.</summary>
public sealed class TicketHistoryException : FormatException
{
    public TicketHistoryException(IReadOnlyList<ValidationError> errors)
        : base("Invalid ticket history: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<ValidationError> Errors { get; }
}
