using System.IO.Pipelines;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hangar.Client;
using Hangar.Contracts;
using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Updates;
using Hangar.Server.Hosting.Listeners;
using Hangar.Server.Tests.Fixtures;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Hangar.Server.Tests.Hosting;

/// <summary>One JSON contract (<see cref="HangarJsonContext"/>) for the server, the client and the agent.</summary>
public sealed class JsonContractTests(SqliteServer fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Bodies that are not JSON wire types: raw content, and ASP.NET Core's own problem types, which it serializes
    // with its own generated metadata (clients read them as ProblemResponse, which the contract has).
    private static readonly HashSet<Type> NotWireTypes =
        [typeof(void), typeof(Stream), typeof(PipeReader), typeof(ProblemDetails), typeof(HttpValidationProblemDetails)];

    [Fact]
    public void EveryEndpointBodyType_HasGeneratedMetadataInTheContract()
    {
        var endpoints = fixture.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var bodies = endpoints
            .SelectMany(endpoint => endpoint.Metadata.OfType<IAcceptsMetadata>().Select(accepts => (endpoint, type: accepts.RequestType))
                .Concat(endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(produces => (endpoint, type: produces.Type))))
            .Where(body => body.type is not null && !NotWireTypes.Contains(body.type))
            .ToList();

        // The agent links only the device API's part of the contract.
        var missing = bodies.Where(body => HangarJsonContext.Default.GetTypeInfo(body.type!) is null
                || (body.endpoint.Metadata.GetMetadata<ListenerAttribute>()?.Serves(ListenerKind.Device) == true
                    && HangarDeviceJsonContext.Default.GetTypeInfo(body.type!) is null))
            .Select(body => $"{body.endpoint.DisplayName}: {body.type}").Distinct().ToList();
        Assert.Empty(missing);
        // The catalogue must really have found the bodies (a metadata change must not make this test pass vacuously).
        Assert.Contains(bodies, body => body.type == typeof(UpdateCheckResponse));
        Assert.Contains(bodies, body => body.type == typeof(UpdateStatusRequest));
        Assert.Contains(bodies, body => body.type == typeof(ListResponse<DeviceResponse>));
    }

    [Fact]
    public void ServerJsonOptions_AreTheDialect_AndServeWireTypesFromTheContract()
    {
        var server = fixture.Server.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        Assert.Empty(DifferentSettings(server, HangarJson.Options));
        // Other resolvers may come before it (OpenAPI's, for its own types): what counts is who serves the wire types.
        Assert.Same(HangarJsonContext.Default, server.GetTypeInfo(typeof(DeviceResponse)).OriginatingResolver);
    }

    [Fact]
    public void DeviceContextOptions_AreTheDialect()
    {
        Assert.Empty(DifferentSettings(HangarDeviceJsonContext.Default.Options, HangarJson.Options));
        Assert.Equal(DifferentSettings(ApiTransport.JsonOptions, HangarJson.Options), DifferentSettings(HangarDeviceJsonContext.Tolerant.Options, HangarJson.Options));
    }

    [Fact]
    public void ClientJsonOptions_DifferOnlyInToleratingWhatANewerServerAdds()
    {
        Assert.Equal(
            [nameof(JsonSerializerOptions.RespectRequiredConstructorParameters), nameof(JsonSerializerOptions.UnmappedMemberHandling)],
            DifferentSettings(ApiTransport.JsonOptions, HangarJson.Options));
        Assert.Same(HangarJsonContext.Tolerant, ApiTransport.JsonOptions.TypeInfoResolver);
    }

    [Fact]
    public async Task ServerAnswers_ReadWithUnknownMembersDisallowed_LoseNothing()
    {
        // Clients skip members they do not know; here nothing may be skipped, so the contract describes every member
        // the server sends (problem extensions included), and the client and the agent lose nothing of it.
        var strict = new JsonSerializerOptions(HangarJsonContext.Tolerant.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
        var tenant = await fixture.NewTenantAsync();
        using var http = tenant.OwnerHttp;
        using var created = await http.PostAsync("api/v1/products", Api.Json("""{"name":"strict"}"""), Cancel);
        using var invalid = await http.PostAsync("api/v1/products", Api.Json("""{"name":""}"""), Cancel);
        using var missing = await http.GetAsync($"api/v1/products/{Guid.CreateVersion7()}", Cancel);
        using var page = await http.GetAsync("api/v1/products", Cancel);

        Assert.Equal("strict", (await created.Content.ReadFromJsonAsync<ProductResponse>(strict, Cancel))!.Name);
        Assert.NotEmpty((await invalid.Content.ReadFromJsonAsync<ProblemResponse>(strict, Cancel))!.Errors!);
        Assert.Equal(ErrorCodes.NotFound, (await missing.Content.ReadFromJsonAsync<ProblemResponse>(strict, Cancel))!.Code);
        Assert.Single((await page.Content.ReadFromJsonAsync<ListResponse<ProductResponse>>(strict, Cancel))!.Data);
    }

    /// <summary>
    /// Every public setting of the options (all read-write properties but the resolver), compared by value. The encoder
    /// is not part of the dialect: it only chooses which characters a writer escapes (ASP.NET Core's answers escape
    /// fewer than System.Text.Json's default), and every reader reads both the same.
    /// </summary>
    private static List<string> DifferentSettings(JsonSerializerOptions actual, JsonSerializerOptions expected) =>
        typeof(JsonSerializerOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property is { CanRead: true, CanWrite: true }
                && property.Name is not (nameof(JsonSerializerOptions.TypeInfoResolver) or nameof(JsonSerializerOptions.Encoder))
                && property.GetCustomAttribute<ObsoleteAttribute>() is null)
            .Where(property => !Equals(property.GetValue(actual), property.GetValue(expected)))
            .Select(property => property.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
}
