using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Hangar.Contracts.Common;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Identity;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Listeners;
using Hangar.Server.Hosting.Problems;
using Hangar.Server.Hosting.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Ddi.Tokens;

/// <summary>
/// The <c>DdiToken</c> scheme, the only one of the DDI listener (docs/adr/0013): <c>TargetToken</c> proves one device,
/// <c>GatewayToken</c> any device of its organization. The path's tenant and controller must name the device the
/// token proves; anything else is refused like an unknown token. Refusals count against the client address in the
/// budget refused API keys count in too (<see cref="RefusedCredentialGuard"/>; past it 429 before any look-up), are
/// logged with their reason, and become a throttled
/// <c>ddi.authentication_failed</c> event in the organization when the token is one of its own (revoked, or used for
/// another controller). An unknown controller under a valid gateway token is 404, as in hawkBit.
/// </summary>
internal sealed class DdiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> scheme, ILoggerFactory loggers, UrlEncoder encoder, RefusedCredentialGuard guard,
    DdiTokenFailureRecorder recorder, TenantContext tenant, AuthenticationFailures counted)
    : AuthenticationHandler<AuthenticationSchemeOptions>(scheme, loggers, encoder)
{
    public const string SchemeName = "DdiToken";
    private const string UnknownController = "unknown_controller";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ListenerGuardMiddleware.ListenerOf(Context) != ListenerKind.Ddi)
        {
            return AuthenticateResult.NoResult();
        }

        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (guard.WaitFor(Context) is { } wait)
        {
            counted.Refused(AuthenticationFailures.DdiToken, "throttled");
            return AuthenticateResult.Fail(new CredentialsThrottled(wait));
        }

        if (DdiTokens.Read(Request) is not { } presented)
        {
            return Request.Headers.Authorization.Count > 0 ? Refuse("malformed", address) : AuthenticateResult.NoResult();
        }

        if (Context.GetRouteValue("tenant") is not string tenantSegment || Context.GetRouteValue("controllerId") is not string controllerId)
        {
            return Refuse("not_a_controller_route", address);
        }

        var verifier = Context.RequestServices.GetRequiredService<DdiTokenVerifier>();
        var verdict = await verifier.VerifyAsync(presented.Scheme, presented.Token, tenantSegment, controllerId, Context.RequestAborted);
        if (verdict.Identity is not { } identity)
        {
            if (verdict.TokenOrganizationId is { } organizationId && verdict.TokenResourceId is { } resourceId)
            {
                await recorder.RecordAsync(organizationId, verdict.ResourceType!, resourceId, presented.Scheme, verdict.Reason!, address, controllerId, Context.RequestAborted);
            }

            return verdict.Reason == UnknownController ? AuthenticateResult.Fail(UnknownController) : Refuse(verdict.Reason!, address, presented.Scheme, controllerId);
        }

        tenant.Set(identity.OrganizationId);
        Context.Features.Set(identity);
        return AuthenticateResult.Success(new AuthenticationTicket(Principal(identity, verdict.CredentialId), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure;
        if (failure is CredentialsThrottled throttled)
        {
            await RateLimitingSetup.WriteRejectionAsync(Context, throttled.RetryAfter, throttled.Message);
        }
        else if (failure?.Message == UnknownController)
        {
            await ProblemWriter.WriteAsync(Context, StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Not found", "Controller not found.");
        }
        else
        {
            await ProblemWriter.WriteAsync(Context, StatusCodes.Status401Unauthorized, ErrorCodes.DeviceUnauthenticated, "Unauthenticated",
                "Send 'Authorization: TargetToken <token>' or 'Authorization: GatewayToken <token>' valid for this tenant and controller.");
        }
    }

    private AuthenticateResult Refuse(string reason, string address, string? scheme = null, string? controllerId = null)
    {
        counted.Refused(AuthenticationFailures.DdiToken, reason);
        guard.Refused(Context);
        Logger.LogWarning("DDI token refused from {ClientAddress}: {Reason}; scheme {Scheme}, controller {ControllerId}", address, reason, scheme, controllerId);
        return AuthenticateResult.Fail(reason);
    }

    private static ClaimsPrincipal Principal(DeviceIdentity identity, Guid credentialId) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, identity.DeviceId.ToString()),
        new Claim(HangarClaims.Device, identity.DeviceId.ToString()),
        new Claim(HangarClaims.Organization, identity.OrganizationId.ToString()),
        new Claim(HangarClaims.Credential, credentialId.ToString("N", CultureInfo.InvariantCulture)),
    ], SchemeName));
}
