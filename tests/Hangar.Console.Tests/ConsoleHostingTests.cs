using System.Net;
using System.Text.RegularExpressions;

namespace Hangar.Console.Tests;

/// <summary>How the server hands out the console: index and the files it names revalidated, fingerprinted files
/// immutable and precompressed, page addresses fall back to index.html, and API paths keep their problem+json 404.</summary>
public sealed partial class ConsoleHostingTests(ConsoleWorld world)
{
    /// <summary>The runtime's loader, which blazor.webassembly.js asks for by this plain name.</summary>
    private const string Script = "_framework/dotnet.js";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("devices")]
    [InlineData("releases/some-release/progress")]
    public async Task PageAddresses_AnswerTheIndex_NotCached(string path)
    {
        using var http = Client();
        using var response = await http.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Contains("_framework/blazor.webassembly", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    /// <summary>
    /// Every page the navigation links to can be opened by its address (a reload, a bookmark): none shares its path with
    /// a server route of the admin listener, such as Prometheus' <c>/metrics</c>, which would answer instead.
    /// </summary>
    [Fact]
    public async Task EveryNavigationLink_OpensTheConsoleWhenRequestedDirectly()
    {
        await using var tab = await ConsoleTab.OpenAsync(world);
        await tab.SignInAsync(world.Server.OwnerEmail, world.Server.OwnerPassword);
        var links = await tab.Page.GetByRole(Microsoft.Playwright.AriaRole.Navigation, new() { Name = "Console" }).Locator("a")
            .EvaluateAllAsync<string[]>("links => links.map(link => link.getAttribute('href'))");
        using var http = Client();

        Assert.Contains("tunnels", links);
        foreach (var link in links)
        {
            using var response = await http.GetAsync(link, Cancel);
            Assert.True(response.Content.Headers.ContentType?.MediaType == "text/html", $"/{link} answered {(int)response.StatusCode} {response.Content.Headers.ContentType}");
        }
    }

    [Theory]
    [InlineData("api/v1/no-such-thing")]
    [InlineData("api/v1/products/x/y/z")]
    [InlineData("device/v1/anything")]
    [InlineData("missing-file.js")]
    public async Task ApiAndFilePaths_KeepTheirProblem404(string path)
    {
        using var http = Client();
        using var response = await http.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task FilesTheIndexNames_AnswerAndRevalidate()
    {
        using var http = Client();
        var index = await http.GetStringAsync("", Cancel);
        // A published server once answered the template with its #[.{fingerprint}] placeholders, and the console never started.
        Assert.DoesNotContain("#[", index, StringComparison.Ordinal);

        var files = NamedFile().Matches(index).Select(match => match.Groups[1].Value).ToList();
        Assert.Contains("_framework/blazor.webassembly.js", files);
        foreach (var file in files)
        {
            using var response = await http.GetAsync(file, Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {(int)response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.NoCache, $"{file}: Cache-Control: {response.Headers.CacheControl}");
            Assert.NotNull(response.Headers.ETag);
        }
    }

    [Fact]
    public async Task FingerprintedFiles_AreImmutable_AndPrecompressed()
    {
        using var http = Client();
        // dotnet.js carries the boot configuration, which names the fingerprinted runtime and assemblies.
        var loader = await http.GetStringAsync(Script, Cancel);
        var runtime = FingerprintedRuntime().Match(loader).Value;
        Assert.NotEqual("", runtime);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"_framework/{runtime}");
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");
        using var response = await http.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        // A build carries gzip; a publish adds brotli, which the browser then prefers.
        Assert.Contains(Assert.Single(response.Content.Headers.ContentEncoding), new[] { "gzip", "br" });
    }

    [Fact]
    public async Task ConsoleFiles_NeverSpendTheAnonymousRateLimit()
    {
        using var http = Client();

        // More files than the address may make anonymous calls in a minute, as a few cold page loads fetch.
        for (var file = 0; file <= ConsoleServer.AnonymousRequestsPerMinute; file++)
        {
            using var response = await http.GetAsync(file % 2 == 0 ? Script : "devices", Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"file {file}: {(int)response.StatusCode}");
        }
    }

    private HttpClient Client() =>
        new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }, disposeHandler: true) { BaseAddress = world.Server.Address };

    [GeneratedRegex("(?:src|href)=\"([^\":]+\\.(?:js|css))\"")]
    private static partial Regex NamedFile();

    [GeneratedRegex(@"dotnet\.runtime\.[a-z0-9]+\.js")]
    private static partial Regex FingerprintedRuntime();
}
