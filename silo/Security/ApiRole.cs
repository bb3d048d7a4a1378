namespace SupportQueue.Silo.Security;

/// <summary>What a key may do on its desk.</summary>
public enum ApiRole
{
    /// <summary>The desk's settings and agents, and everything the other roles may do there.</summary>
    Admin,

    /// <summary>Acts only as its own agent: presence, resolve, escalate; reads its desk's tickets and status.</summary>
    Agent,

    /// <summary>Submits tickets to its desk and reads, abandons, cancels or reopens them.</summary>
    Submitter,
}
