using System.Collections.Concurrent;
using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;
using SupportQueue.Grains;

namespace SupportQueue.LoadTests.Orleans;

/// <summary>
/// What the audit reads back from the cluster after a run: every ticket the loader sent, every
/// agent, and the desk's status and own invariant check. A read that fails is recorded, not thrown:
/// it is one of the findings.
/// </summary>
internal sealed record ClusterReadBack(
    ConcurrentDictionary<string, Ticket?> Tickets,
    IReadOnlyList<Agent> Agents,
    DeskStatus? Status,
    string? AuditError,
    IReadOnlyList<string> ReadErrors)
{
    public static async Task<ClusterReadBack> ReadAsync(
        IClusterClient client, string deskId, IEnumerable<string> ticketIds, IEnumerable<AgentSpec> agentSpecs, CancellationToken cancellationToken)
    {
        var tickets = new ConcurrentDictionary<string, Ticket?>(StringComparer.Ordinal);
        var readErrors = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(ticketIds, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken }, async (id, _) =>
        {
            try
            {
                tickets[id] = await client.Ticket(id).Get().ConfigureAwait(false);
            }
            catch (SupportQueueException ex) when (ex.Code == RefusalCode.UnknownTicket)
            {
                tickets[id] = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                tickets[id] = null;
                readErrors.Add($"ticket '{id}': {FailureKind.Of(ex)}");
            }
        }).ConfigureAwait(false);
        var agents = new ConcurrentBag<Agent>();
        await Parallel.ForEachAsync(agentSpecs, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (spec, _) =>
        {
            try
            {
                agents.Add(await client.GetGrain<IAgentGrain>(spec.AgentId).Get().ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                // A registered agent that reads back as unknown lost its stored state (e.g. with its silo).
                readErrors.Add($"agent '{spec.AgentId}': {FailureKind.Of(ex)}");
            }
        }).ConfigureAwait(false);

        var desk = client.GetGrain<IDeskSchedulerGrain>(deskId);
        DeskStatus? status = null;
        string? auditError = null;
        try
        {
            status = await desk.GetStatus().ConfigureAwait(false);
            await desk.AsReference<IDeskDiagnostics>().CheckInvariants().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever the audit throws is the violation to report.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            auditError = ex.Message;
        }

        return new ClusterReadBack(tickets, [.. agents], status, auditError, [.. readErrors]);
    }
}
