using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Hangar.Console.Tests.ConsoleWorld))]

namespace Hangar.Console.Tests;

/// <summary>
/// One server process and one Debian chromium for the whole run (starting either costs seconds on a loaded machine);
/// every test opens its own browser context, so cookies and storage never leak between tests.
/// </summary>
public sealed class ConsoleWorld : IAsyncLifetime
{
    // The Debian package (scripts/install-test-deps); Playwright never downloads a browser here.
    private const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private ConsoleServer? _server;

    internal ConsoleServer Server => _server ?? throw new InvalidOperationException("not started");

    internal IBrowser Browser => _browser ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync()
    {
        // Waits are on conditions, never sleeps; the generous ceiling only matters on a starved CI machine.
        Assertions.SetDefaultExpectTimeout(180_000);
        _server = await ConsoleServer.StartAsync(TestContext.Current.CancellationToken);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Root in containers has no user namespaces for the sandbox; /dev/shm is often tiny there.
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
