namespace Hangar.Agent.Updates;

/// <summary>The server answered an update check with an error; the check is retried later.</summary>
public sealed class DeviceApiException(string message) : Exception(message);
