using SupportQueue.Core.Model;
using SupportQueue.Core.Routing;

namespace SupportQueue.Grains;

/// <summary>The agent side's answer to an offer, with its real presence so the desk can correct its view.</summary>
[GenerateSerializer, Immutable, Alias("SupportQueue.OfferReply")]
public sealed record OfferReply(
    [property: Id(0)] OfferOutcome Outcome,
    [property: Id(1)] Presence Presence,
    [property: Id(2)] int Held = 0);
