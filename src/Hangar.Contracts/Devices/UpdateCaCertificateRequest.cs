namespace Hangar.Contracts.Devices;

/// <summary>Changes a CA; absent fields stay as they are. <see cref="Jitp"/> replaces the settings; <see cref="DisableJitp"/> turns provisioning off.</summary>
public sealed record UpdateCaCertificateRequest(string? Description = null, bool? Enabled = null, JitpRequest? Jitp = null, bool? DisableJitp = null);
