namespace SupportQueue.Core.Model;

/// <summary>Ticket severity; P1 is the most urgent.</summary>
public enum Priority
{
    P1 = 1,
    P2 = 2,
    P3 = 3,
    P4 = 4,
}
