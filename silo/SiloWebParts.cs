namespace SupportQueue.Silo;

/// <summary>
/// The parts of the silo's web pipeline beside the REST API itself. The silo runs them all; a
/// benchmark leaves some out to measure what they cost per request.
/// </summary>
[Flags]
public enum SiloWebParts
{
    /// <summary>The REST API only: endpoints, problem details, the OpenAPI document.</summary>
    ApiOnly = 0,

    /// <summary>API keys, roles and the per-key rate limiter (silo/Security).</summary>
    Security = 1,

    /// <summary>Metrics on /metrics and the health probes (silo/Observability).</summary>
    Observability = 2,

    /// <summary>The wallboard and, when its setting is on, the Orleans Dashboard (silo/Dashboard).</summary>
    LiveViews = 4,

    /// <summary>Everything, as the silo runs.</summary>
    All = Security | Observability | LiveViews,
}
