using System.Net;
using Hangar.Server.Features.Webhooks;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Tests.Webhooks;

/// <summary>
/// SSRF protection at connect time: the webhook HTTP stack (the same connector the dispatcher uses) refuses internal
/// addresses however they are spelled, including names that resolve to them, unless the operator allow-lists them.
/// </summary>
public sealed class WebhookAddressPolicyTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://127.1:9/", "loopback")]
    [InlineData("http://[::1]:9/", "loopback")]
    [InlineData("http://0x7f000001:9/", "loopback")]
    [InlineData("http://[::ffff:10.0.0.1]:9/", "private")]
    [InlineData("http://localhost:9/", "loopback")]
    [InlineData("http://10.1.2.3:9/", "private")]
    [InlineData("http://100.64.0.1:9/", "carrier-grade NAT")]
    [InlineData("http://[fd00::1]:9/", "unique local")]
    [InlineData("http://0.0.0.0:9/", "unspecified")]
    public async Task Connect_ToAnInternalAddress_IsRefusedBeforeAnyByteIsSent(string url, string kind)
    {
        using var http = Client([]);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(url, new StringContent("{}"), Cancel));
        var refused = Assert.IsType<WebhookAddressRefusedException>(error.InnerException);
        Assert.Contains(kind, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_ToAnAllowListedNetwork_IsAllowed()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var http = Client(["127.0.0.0/8"]);
        var sending = http.PostAsync($"http://127.0.0.1:{port}/", new StringContent("{}"), Cancel);

        using var accepted = await listener.AcceptTcpClientAsync(Cancel);
        Assert.True(accepted.Connected);
        accepted.Close();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => sending);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("172.32.0.1")]
    public void Refusal_OfAPublicAddress_IsNone(string address) =>
        Assert.Null(new WebhookAddressPolicy(Options.Create(new WebhooksOptions())).Refusal(IPAddress.Parse(address)));

    [Fact]
    public void AllowList_PermitsOnlyItsOwnNetwork()
    {
        var policy = new WebhookAddressPolicy(Options.Create(new WebhooksOptions { AllowedNetworks = ["10.20.0.0/16"] }));
        Assert.Null(policy.Refusal(IPAddress.Parse("10.20.3.4")));
        Assert.Equal("private", policy.Refusal(IPAddress.Parse("10.21.0.1")));
        Assert.Equal("loopback", policy.Refusal(IPAddress.Loopback));
    }

    private static HttpClient Client(List<string> allowed)
    {
        var connector = new WebhookConnector(new WebhookAddressPolicy(Options.Create(new WebhooksOptions { AllowedNetworks = allowed })));
        return new HttpClient(new SocketsHttpHandler { ConnectCallback = connector.ConnectAsync, AllowAutoRedirect = false, UseProxy = false });
    }
}
