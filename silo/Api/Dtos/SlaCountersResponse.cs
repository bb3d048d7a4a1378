using SupportQueue.Core.Model;

namespace SupportQueue.Silo.Api;

/// <summary>SLA outcomes of one priority so far, and open tickets already past the first-response target.</summary>
public sealed record SlaCountersResponse(Priority Priority, long FirstResponseMet, long FirstResponseBreached, long ResolutionMet, long ResolutionBreached, int OpenPastFirstResponse);
