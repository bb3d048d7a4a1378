using SupportQueue.Grains;

namespace SupportQueue.Integration.Tests;

/// <summary>The invariant audit, which lives on the <see cref="IDeskDiagnostics"/> extension the test silos install.</summary>
internal static class DeskAudit
{
    public static Task CheckInvariants(this IDeskSchedulerGrain desk) => desk.AsReference<IDeskDiagnostics>().CheckInvariants();
}
