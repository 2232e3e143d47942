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
        await using var context = await world.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = world.Server.Address.ToString() });
        var page = await context.NewPageAsync();
        var sizes = new List<Task<RequestSizesResult>>();
        page.RequestFinished += (_, request) => sizes.Add(request.SizesAsync());

        var clock = Stopwatch.StartNew();
        await page.GotoAsync("");
        await Assertions.Expect(page.GetByLabel("Email")).ToBeEditableAsync();
        var interactive = clock.Elapsed;

        var finished = await Task.WhenAll(sizes);
        var bytes = finished.Sum(size => (long)size.ResponseBodySize + size.ResponseHeadersSize);
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"files: {finished.Length}\ntransferred: {bytes} bytes ({bytes / 1e6:F2} MB)\ninteractive after: {interactive.TotalSeconds:F2} s\n");
        await File.WriteAllTextAsync(ArtifactFiles.PathFor("first-load.txt"), figures, TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(figures);

        Assert.True(bytes <= BudgetBytes, figures);
    }
}
