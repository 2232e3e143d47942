namespace Hangar.Agent.Telemetry.Collectors;

/// <summary>
/// Reads a file of <c>/proc</c> or <c>/sys</c> under the configured system root. A file that is missing or unreadable
/// (another kernel, a container) is null: a heartbeat reports what the device can measure.
/// </summary>
internal static class SystemFiles
{
    public static string? Read(string root, string path)
    {
        try
        {
            return File.ReadAllText(Path.Join(root, path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
