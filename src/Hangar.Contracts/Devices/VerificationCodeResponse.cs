namespace Hangar.Contracts.Devices;

/// <summary>A single-use proof-of-possession code: the CN of the verification certificate, valid until <see cref="ExpiresAt"/>.</summary>
public sealed record VerificationCodeResponse(string VerificationCode, DateTime ExpiresAt);
