using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Hosting;

/// <summary>The OpenAPI document committed in docs/openapi/ is the one the running server serves.</summary>
public sealed class OpenApiDocumentTests(SqliteServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CommittedDocument_MatchesTheServedOne()
    {
        using var http = fixture.Server.CreateHttpClient(null);
        var served = JsonNode.Parse(await http.GetStringAsync("openapi/v1.json", Cancel));
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "openapi", "hangar-admin-api.json"), Cancel));
        // The servers list names the address the document was fetched from; everything else must be identical.
        served!.AsObject().Remove("servers");
        committed!.AsObject().Remove("servers");
        Assert.True(JsonNode.DeepEquals(served, committed), "docs/openapi/hangar-admin-api.json is stale: build src/Hangar.Server and commit the regenerated file");
    }

    [Fact]
    public async Task Document_DescribesEveryAdminRoute_WithSnakeCaseSchemas()
    {
        using var http = fixture.Server.CreateHttpClient(null);
        using var document = JsonDocument.Parse(await http.GetStringAsync("openapi/v1.json", Cancel));
        var paths = document.RootElement.GetProperty("paths");
        // HEAD is answered on every GET route and described once in docs/api.md.
        foreach (var route in RouteCatalog.AdminApi(fixture.Server.Services).Where(r => r.Method != "HEAD"))
        {
            // The document names a parameter without its route constraint ({id:guid} is /{id}).
            var documented = Regex.Replace(route.Pattern.TrimEnd('/'), @"\{(\w+):[^}]+\}", "{$1}");
            Assert.True(paths.TryGetProperty(documented, out var path), $"{route.Pattern} is missing from the document");
            Assert.True(path.TryGetProperty(route.Method.ToLowerInvariant(), out _), $"{route} is missing from the document");
        }

        var schema = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("CreateApiKeyRequest").GetProperty("properties");
        Assert.True(schema.TryGetProperty("expires_at", out _));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Hangar.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Hangar.slnx not found above the test binaries");
    }
}
