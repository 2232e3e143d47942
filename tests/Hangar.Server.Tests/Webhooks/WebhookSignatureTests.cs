using Hangar.Server.Features.Webhooks;
using Hangar.Server.Tests.Fixtures;

namespace Hangar.Server.Tests.Webhooks;

/// <summary>The published test vector (docs/concepts/events-and-webhooks.md), the same as the Standard Webhooks libraries'.</summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string MessageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Body = """{"test": 2432232314}""";
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    [Fact]
    public void Sign_PublishedTestVector_GivesThePublishedSignature() =>
        Assert.Equal(Expected, WebhookSignature.Sign(Secret, MessageId, Timestamp, Body));

    [Fact]
    public void ReceiverCheck_PublishedTestVector_Verifies() =>
        Assert.Equal(Expected, ReceivedWebhook.Expected(Secret, MessageId, "1614265330", Body));

    [Fact]
    public void Header_WithTwoSecrets_HoldsBothSignaturesSpaceSeparated()
    {
        var other = WebhookSignature.NewSecret();
        var header = WebhookSignature.Header([Secret, other], MessageId, Timestamp, Body);
        Assert.Equal($"{Expected} {WebhookSignature.Sign(other, MessageId, Timestamp, Body)}", header);
    }

    [Fact]
    public void NewSecret_IsWhsecPrefixedBase64Of32RandomBytes()
    {
        var secret = WebhookSignature.NewSecret();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        Assert.NotEqual(secret, WebhookSignature.NewSecret());
    }
}
