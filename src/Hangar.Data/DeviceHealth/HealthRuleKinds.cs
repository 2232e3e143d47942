namespace Hangar.Data.DeviceHealth;

/// <summary>The two kinds of <see cref="HealthRule"/>, as stored and on the wire.</summary>
public static class HealthRuleKinds
{
    public const string Threshold = "threshold";
    public const string Absence = "absence";

    /// <summary>The metric of an absence rule that means the heartbeat itself, not one of its series.</summary>
    public const string Heartbeat = "heartbeat";
}
