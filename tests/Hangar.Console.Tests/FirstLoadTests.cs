using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace Hangar.Console.Tests;

/// <summary>
/// The console's first load in a cold browser context on loopback: every response's compressed body and headers,
/// and the time until the sign-in form takes input. The budget holds for what is deployed, a published server;
/// scripts/console-first-load publishes one and runs this against it (a build serves untrimmed, gzip-only files).
/// </summary>
public sealed class FirstLoadTests(ConsoleWorld world)
{
    private const long BudgetBytes = 2_500_000;

    [Fact]
    public async Task ColdLoad_OfThePublishedConsole_TransfersAtMostItsBudget()
    {
        Assert.SkipUnless(ConsoleServer.Published, "measures a published server: run scripts/console-first-load");
        var console = await MeasureAsync(world.Server.Address);
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"files: {console.Files}\ntransferred: {console.Bytes} bytes ({console.Bytes / 1e6:F2} MB)\ninteractive after: {console.Interactive.TotalSeconds:F2} s\n");
        // The baseline, in the same run: a bare Blazor WebAssembly app (bench/BareBlazor, the console's publish settings
        // and one labelled input), which scripts/console-first-load publishes. Its start is the floor of the console's.
        if (Environment.GetEnvironmentVariable("HANGAR_TEST_BARE_BLAZOR") is { Length: > 0 } bareDirectory)
        {
            await using var site = await StaticSite.StartAsync(bareDirectory);
            var bare = await MeasureAsync(site.Address);
            figures += string.Create(CultureInfo.InvariantCulture,
                $"baseline, a bare Blazor WebAssembly app: {bare.Files} files, {bare.Bytes} bytes uncompressed, interactive after {bare.Interactive.TotalSeconds:F2} s\n");
        }

        await File.WriteAllTextAsync(ArtifactFiles.PathFor("first-load.txt"), figures, TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(figures);

        Assert.True(console.Bytes <= BudgetBytes, figures);
    }

    /// <summary>A cold context loads the page: files, bytes with headers, and the time until the Email input takes text.</summary>
    private async Task<(int Files, long Bytes, TimeSpan Interactive)> MeasureAsync(Uri address)
    {
        await using var context = await world.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString() });
        var page = await context.NewPageAsync();
        var sizes = new List<Task<RequestSizesResult>>();
        page.RequestFinished += (_, request) => sizes.Add(request.SizesAsync());

        var clock = Stopwatch.StartNew();
        await page.GotoAsync("");
        await Assertions.Expect(page.GetByLabel("Email")).ToBeEditableAsync();
        var interactive = clock.Elapsed;

        var finished = await Task.WhenAll(sizes);
        return (finished.Length, finished.Sum(size => (long)size.ResponseBodySize + size.ResponseHeadersSize), interactive);
    }
}
