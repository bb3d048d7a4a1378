namespace SupportQueue.Grains;

/// <summary>One per cluster (key <see cref="Key"/>): the ids of every desk ever configured, for listing.</summary>
public interface IDeskRegistryGrain : IGrainWithStringKey
{
    /// <summary>The one registry's key.</summary>
    const string Key = "desks";

    /// <summary>Records a configured desk; repeating it changes nothing.</summary>
    Task Add(string deskId);

    /// <summary>A page of desk ids in ordinal order, and how many there are in all.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<DeskIdPage> List(int skip, int take);
}
