namespace Hangar.Server.Features.DeviceHealth;

/// <summary>A device a rule finds failing, with the value of its worst matching series (null for an absence rule).</summary>
internal readonly record struct FailingDevice(Guid DeviceId, double? Value);
