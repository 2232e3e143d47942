using System.Threading.Channels;

namespace Hangar.Server.Features.Firmware;

/// <summary>Wakes the hashing worker when a binary enters <c>hashing</c>, so it need not wait for its next poll.</summary>
internal sealed class BinaryHashingSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _channel.Reader.WaitToReadAsync(cancellationToken);

    public void Reset() => _channel.Reader.TryRead(out _);
}
