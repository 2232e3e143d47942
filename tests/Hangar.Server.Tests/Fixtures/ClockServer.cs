using Hangar.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Hangar.Server.Tests.Fixtures;

/// <summary>A server whose clock is a <see cref="FakeTimeProvider"/>, for tests of schedules and time windows.</summary>
public abstract class ClockServer(DatabaseKind database) : ServerFixture(database)
{
    public FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Time);
    }
}
