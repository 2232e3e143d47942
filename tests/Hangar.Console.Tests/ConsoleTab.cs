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
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];
    private readonly List<string> _failedRequests = [];

    private ConsoleTab(IBrowserContext context, IPage page, Uri address)
    {
        _context = context;
        Page = page;
        Address = address;
        page.Console += (_, message) =>
        {
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
        var tab = new ConsoleTab(context, await context.NewPageAsync(), world.Server.Address);
        await tab.Page.GotoAsync(path);
        return tab;
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

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
    }

    [GeneratedRegex(@"^Failed to load resource: the server responded with a status of 4\d\d")]
    private static partial Regex ClientError();
}
