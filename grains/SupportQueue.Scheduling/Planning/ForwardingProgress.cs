namespace SupportQueue.Scheduling.Planning;

/// <summary>Calls an action on the reporting thread (unlike <see cref="Progress{T}"/>, which posts to a synchronisation context).</summary>
internal sealed class ForwardingProgress<T>(Action<T> action) : IProgress<T>
{
    public void Report(T value) => action(value);
}
