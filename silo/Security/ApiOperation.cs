namespace SupportQueue.Silo.Security;

/// <summary>What a request does, as far as access is concerned. Every API route maps to one.</summary>
public enum ApiOperation
{
    /// <summary>Lists every desk: only a cluster admin (desk <c>*</c>) sees them all.</summary>
    ListDesks,
    ReadDesk,
    ConfigureDesk,
    ReadDeskStatus,
    ListDeskAgents,
    ListWaitingTickets,

    /// <summary>A desk's recorded ticket history: its admin's (or a cluster admin's) only.</summary>
    ExportDeskHistory,
    SubmitTicket,
    ReadTicket,

    /// <summary>Abandon, cancel or reopen a ticket: the customer's side.</summary>
    ChangeTicket,
    RegisterAgent,
    ReadAgent,

    /// <summary>Presence, resolve, escalate: what only the agent itself (or its desk's admin) does.</summary>
    ActAsAgent,

    /// <summary>The Orleans dashboard: cluster-wide, so only a cluster admin.</summary>
    Dashboard,

    /// <summary>A desk's wallboard page and its data.</summary>
    Wallboard,
}
