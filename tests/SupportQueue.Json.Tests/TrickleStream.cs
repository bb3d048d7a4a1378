namespace SupportQueue.Json.Tests;

/// <summary>A request body that arrives at most <c>piece</c> bytes per read, as from a socket.</summary>
internal sealed class TrickleStream(byte[] bytes, int piece) : MemoryStream(bytes)
{
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        base.ReadAsync(buffer[..Math.Min(buffer.Length, piece)], cancellationToken);
}
