using System.Collections.Concurrent;

namespace SupportQueue.Integration.Tests.Postgres;

[GenerateSerializer]
public sealed class TextState
{
    [Id(0)]
    public string? Text { get; set; }
}

/// <summary>What a storage-backed test grain reports about its state.</summary>
[GenerateSerializer]
public sealed record StateSnapshot([property: Id(0)] string? Text, [property: Id(1)] string? ETag, [property: Id(2)] bool RecordExists);

public interface IStoredTextGrain : IGrainWithStringKey
{
    Task<StateSnapshot> Read();

    Task<StateSnapshot> Write(string text);

    Task<StateSnapshot> Clear();

    /// <summary>The type of the state facet Orleans handed the grain.</summary>
    Task<string> Facet();

    /// <summary>Ends the activation once this call returns: the next call reads from storage.</summary>
    Task Deactivate();
}

/// <summary>Persists through the production provider name, which keeps cleared rows.</summary>
public sealed class StoredTextGrain(
    [PersistentState("text", SupportQueue.Hosting.SupportQueueOptions.StorageProviderName)] IPersistentState<TextState> state)
    : Grain, IStoredTextGrain
{
    public Task<StateSnapshot> Read() => Task.FromResult(Snapshot());

    public async Task<StateSnapshot> Write(string text)
    {
        state.State.Text = text;
        await state.WriteStateAsync();
        return Snapshot();
    }

    public async Task<StateSnapshot> Clear()
    {
        await state.ClearStateAsync();
        return Snapshot();
    }

    public Task<string> Facet() => Task.FromResult(state.GetType().Name);

    public Task Deactivate()
    {
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private StateSnapshot Snapshot() => new(state.State.Text, state.Etag, state.RecordExists);
}

public interface IDeletedOnClearGrain : IStoredTextGrain;

/// <summary>Persists through a provider with DeleteStateOnClear=true (the DeleteStorageKey path).</summary>
public sealed class DeletedOnClearGrain(
    [PersistentState("deletable", OrleansTestHosts.DeletingStorageName)] IPersistentState<TextState> state)
    : Grain, IDeletedOnClearGrain
{
    public Task<StateSnapshot> Read() => Task.FromResult(Snapshot());

    public async Task<StateSnapshot> Write(string text)
    {
        state.State.Text = text;
        await state.WriteStateAsync();
        return Snapshot();
    }

    public async Task<StateSnapshot> Clear()
    {
        await state.ClearStateAsync();
        return Snapshot();
    }

    public Task<string> Facet() => Task.FromResult(state.GetType().Name);

    public Task Deactivate()
    {
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private StateSnapshot Snapshot() => new(state.State.Text, state.Etag, state.RecordExists);
}

public interface IReminderTestGrain : IGrainWithStringKey
{
    Task Register(TimeSpan dueTime, TimeSpan period);

    Task Unregister();

    Task<string> SiloAddress();
}

/// <summary>Signals <see cref="Fired"/> for its key whenever its reminder ticks.</summary>
public sealed class ReminderTestGrain : Grain, IReminderTestGrain, IRemindable
{
    public const string ReminderName = "tick";

    // The silos run in the test process, so a static is how a tick reaches the waiting test.
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> _fired = new();

    public static Task Fired(string key) => Signal(key).Task;

    public static void Reset(string key) => _fired.TryRemove(key, out _);

    public Task Register(TimeSpan dueTime, TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, dueTime, period);

    public async Task Unregister()
    {
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task<string> SiloAddress() => Task.FromResult(RuntimeIdentity);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Signal(this.GetPrimaryKeyString()).TrySetResult();
        return Task.CompletedTask;
    }

    private static TaskCompletionSource Signal(string key) =>
        _fired.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
