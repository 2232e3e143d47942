namespace Hangar.Server.Features.Devices;

/// <summary>How optional text fields are stored: trimmed, and an empty string means "none".</summary>
internal static class FleetText
{
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
