namespace SupportQueue.Grains;

/// <summary>
/// References to the SupportQueue grains by key, without the per-call cost of
/// <c>GetGrain&lt;T&gt;(string)</c>, which works out the grain interface's type name from the CLR
/// type by parsing it again on every call (several strings per reference, on every routed ticket).
/// The grain type and interface type are learnt from the first reference and reused.
/// </summary>
public static class GrainReferences
{
    public static ITicketGrain Ticket(this IGrainFactory grains, string ticketId) => Kind<ITicketGrain>.Get(grains, ticketId);

    public static IAgentGrain Agent(this IGrainFactory grains, string agentId) => Kind<IAgentGrain>.Get(grains, agentId);

    public static IDeskSchedulerGrain Desk(this IGrainFactory grains, string deskId) => Kind<IDeskSchedulerGrain>.Get(grains, deskId);

    /// <summary>Any SupportQueue grain with a string key, the same cheap way (recorder buckets and pages).</summary>
    internal static T ByKey<T>(this IGrainFactory grains, string key)
        where T : IGrainWithStringKey => Kind<T>.Get(grains, key);

    /// <summary>The cluster's one list of configured desks.</summary>
    public static IDeskRegistryGrain DeskRegistry(this IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<IDeskRegistryGrain>(IDeskRegistryGrain.Key);
    }

    private static class Kind<T>
        where T : IGrainWithStringKey
    {
        // Both ids follow from the interface and its one implementation by Orleans' naming
        // convention, so they are the same in every cluster this process talks to.
        private static Ids? _ids;

        public static T Get(IGrainFactory grains, string key)
        {
            ArgumentNullException.ThrowIfNull(grains);
            if (_ids is { } ids)
            {
                return (T)grains.GetGrain(GrainId.Create(ids.Grain, key), ids.Interface);
            }

            var reference = grains.GetGrain<T>(key);
            var grainReference = (GrainReference)(object)reference;
            _ids = new Ids(grainReference.GrainId.Type, grainReference.InterfaceType);
            return reference;
        }

        private sealed record Ids(GrainType Grain, GrainInterfaceType Interface);
    }
}
