using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace Hangar.Server.Hosting.Listeners;

/// <summary>
/// Gives Kestrel's transports <see cref="LargeBlockMemoryPool"/>s: registered in place of Kestrel's own factory, it is
/// what the socket transport creates each listener's pool with.
/// </summary>
internal sealed class LargeBlockMemoryPoolFactory : IMemoryPoolFactory<byte>
{
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool();
}
