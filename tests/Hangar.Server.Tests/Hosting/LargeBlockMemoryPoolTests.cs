using Hangar.Server.Hosting.Listeners;
using Hangar.Server.Tests.Fixtures;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Hangar.Server.Tests.Hosting;

public sealed class LargeBlockMemoryPoolTests(SqliteServer fixture)
{
    [Fact]
    public void ServerMemoryPoolFactory_IsTheLargeBlockOne_SoKestrelReceivesInLargeBlocks()
    {
        // Kestrel's socket transport creates each listener's pool with the factory it finds in the services.
        using var pool = fixture.Server.Services.GetRequiredService<IMemoryPoolFactory<byte>>().Create();
        Assert.Equal(LargeBlockMemoryPool.BlockBytes, pool.MaxBufferSize);
        // The pipe asks for 4 KiB segments; each one must still be a whole block, which is what a receive fills.
        using var segment = pool.Rent(4096);
        Assert.Equal(LargeBlockMemoryPool.BlockBytes, segment.Memory.Length);
    }

    [Fact]
    public void Rent_AfterReturn_ReusesTheBlock()
    {
        using var pool = new LargeBlockMemoryPool();
        var first = pool.Rent();
        first.Memory.Span[0] = 42;
        var memory = first.Memory;
        first.Dispose();
        first.Dispose(); // a second return must not put the block in the pool twice

        using var second = pool.Rent();
        using var third = pool.Rent();
        Assert.True(second.Memory.Span.Overlaps(memory.Span));
        Assert.False(third.Memory.Span.Overlaps(memory.Span));
    }

    [Fact]
    public void Rent_LargerThanABlock_Throws()
    {
        using var pool = new LargeBlockMemoryPool();
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(LargeBlockMemoryPool.BlockBytes + 1));
    }

    [Fact]
    public void Memory_OfAReturnedBlock_Throws()
    {
        using var pool = new LargeBlockMemoryPool();
        var block = pool.Rent();
        block.Dispose();
        Assert.Throws<ObjectDisposedException>(() => block.Memory);
    }
}
