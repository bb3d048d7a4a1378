using Orleans.Serialization.Activators;

namespace SupportQueue.Grains;

/// <summary>
/// A grain's persistent state kept in the in-memory store, read and written in the caller's turn.
/// </summary>
/// <remarks>
/// Orleans' own facet (<c>StateStorageBridge</c>) queues every operation and forces a yield before
/// it, so each write cost two trips through the activation's scheduler plus an activity and a
/// timing, for a store that answers synchronously; a ticket's life has five writes. Without it,
/// live routing over HTTP took about a tenth less CPU per ticket. Writes still go through
/// <see cref="InMemoryGrainStorage"/>, so the ETag checks and the stored copy are the same; and as
/// every operation completes within the call, two can never overlap, which is what the bridge's
/// queue is for.
/// </remarks>
internal sealed class InMemoryPersistentState<TState> : IPersistentState<TState>, ILifecycleObserver
{
    private readonly string _stateName;
    private readonly IGrainContext _context;
    private readonly InMemoryGrainStorage _storage;
    private readonly IActivator<TState> _activator;
    private readonly GrainState<TState> _grainState;

    public InMemoryPersistentState(string stateName, IGrainContext context, InMemoryGrainStorage storage, IActivator<TState> activator)
    {
        _stateName = stateName;
        _context = context;
        _storage = storage;
        _activator = activator;
        _grainState = new GrainState<TState>(activator.Create());
        context.ObservableLifecycle.Subscribe(nameof(InMemoryPersistentState<TState>), GrainLifecycleStage.SetupState, this);
    }

    public TState State
    {
        get => _grainState.State!; // Set at construction and by every read.
        set => _grainState.State = value;
    }

    public string? Etag => _grainState.ETag;

    public bool RecordExists => _grainState.RecordExists;

    public Task ReadStateAsync() => _storage.ReadStateAsync(_stateName, _context.GrainId, _grainState);

    public Task WriteStateAsync() => _storage.WriteStateAsync(_stateName, _context.GrainId, _grainState);

    // As Orleans' providers do, a cleared state starts afresh in memory too.
    public Task ClearStateAsync()
    {
        var cleared = _storage.ClearStateAsync(_stateName, _context.GrainId, _grainState);
        if (cleared.IsCompletedSuccessfully)
        {
            _grainState.State = _activator.Create();
        }

        return cleared;
    }

    public Task OnStart(CancellationToken cancellationToken = default) => ReadStateAsync();

    public Task OnStop(CancellationToken cancellationToken = default) => Task.CompletedTask;
}
