using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Hangar.Console.Tests;

/// <summary>
/// One browser tab in its own context (own cookies), recording every error the page reports: uncaught exceptions
/// and console errors. The browser also logs each 4xx answer as "Failed to load resource"; those are the API's
/// problems that the page shows, so they are kept apart in <see cref="FailedRequests"/>.
/// </summary>
internal sealed partial class ConsoleTab : IAsyncDisposable
{
    // Milliseconds; a start took 29 s under a load average of 85 on two cores, so this is only reached by a stall.
    private const float StartTimeout = 120_000;

    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];
    private readonly List<string> _failedRequests = [];
    private readonly List<string> _console = [];
    private readonly PageTraffic _traffic;
    private readonly ConsoleServer _server;

    private ConsoleTab(IBrowserContext context, IPage page, ConsoleServer server)
    {
        _context = context;
        _server = server;
        Page = page;
        Address = server.Address;
        _traffic = new PageTraffic(page);
        page.Console += (_, message) =>
        {
            _console.Add($"  {message.Type}: {message.Text}");
            if (message.Type == "error")
            {
                (ClientError().IsMatch(message.Text) ? _failedRequests : _errors).Add(message.Text);
            }
        };
        page.PageError += (_, error) => _errors.Add(error);
    }

    public IPage Page { get; }

    public Uri Address { get; }

    public IReadOnlyList<string> Errors => _errors;

    public IReadOnlyList<string> FailedRequests => _failedRequests;

    public static async Task<ConsoleTab> OpenAsync(ConsoleWorld world, string path = "")
    {
        var context = await world.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = world.Server.Address.ToString() });
        // The WebAssembly runtime took 29 s to start under a load average of 85 on two cores; a failure is what reaches this.
        context.SetDefaultTimeout(180_000);
        var tab = new ConsoleTab(context, await context.NewPageAsync(), world.Server);
        await tab.Page.GotoAsync(path);
        await tab.WaitForStartAsync();
        return tab;
    }

    /// <summary>
    /// Waits for the WebAssembly app to replace index.html's loading placeholder; when it does not, fails with what the
    /// browser said and which requests were pending or refused, rather than a bare timeout on the first locator.
    /// </summary>
    public async Task WaitForStartAsync()
    {
        try
        {
            await Assertions.Expect(Page.Locator("#app > main.loading")).ToHaveCountAsync(0, new() { Timeout = StartTimeout });
        }
        catch (PlaywrightException timeout)
        {
            throw new TimeoutException(
                $"The console did not start within {StartTimeout / 1000} s at {Page.Url}.\nbrowser console ({_console.Count}):\n" +
                $"{string.Join('\n', _console)}\n{_traffic.Describe()}\nserver log tail:\n{ServerLogTail()}", timeout);
        }
    }

    /// <summary>Signs in through the form, as a person would, and waits for the console's navigation to appear.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Console" })).ToBeVisibleAsync();
    }

    public Task GoAsync(string linkName) =>
        Page.GetByRole(AriaRole.Navigation, new() { Name = "Console" }).GetByRole(AriaRole.Link, new() { Name = linkName }).ClickAsync();

    private string ServerLogTail() => string.Join('\n', _server.Output.Split('\n').TakeLast(40));

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
    }

    [GeneratedRegex(@"^Failed to load resource: the server responded with a status of 4\d\d")]
    private static partial Regex ClientError();
}
