namespace Hangar.Server.Features.Ddi.Tokens;

/// <summary>The data of <c>ddi.authentication_failed</c>: which of the organization's tokens was refused, for what, from where; never the token.</summary>
internal sealed record DdiAuthenticationFailedEventData(string Reason, string Scheme, string? ClientAddress, string ControllerId);
