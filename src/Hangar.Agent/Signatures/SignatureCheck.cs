namespace Hangar.Agent.Signatures;

/// <summary>The outcome of a threshold check; <see cref="Reason"/> is what a failure report says.</summary>
public sealed record SignatureCheck(bool Passed, int ValidTrustedKeys, int Threshold, string Reason);
