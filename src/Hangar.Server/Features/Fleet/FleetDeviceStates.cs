namespace Hangar.Server.Features.Fleet;

/// <summary>
/// The <c>state</c> label of the device gauge. Grouped on by the database as small codes (a CASE expression), named
/// here. Presence from the control socket may refine "seen" later; today it is the last connection's age.
/// </summary>
internal static class FleetDeviceStates
{
    public const int NeverConnectedCode = 0;
    public const int SeenCode = 1;
    public const int SilentCode = 2;
    public const int QuarantinedCode = 3;

    public static string Name(int code) => code switch
    {
        NeverConnectedCode => "never_connected",
        SeenCode => "seen_24h",
        SilentCode => "silent_24h",
        QuarantinedCode => "quarantined",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "not a device state code"),
    };
}
