namespace Hangar.Server.Features.Devices;

/// <summary>A bulk action that cannot apply to the selected devices, by the request field at fault (the whole action is refused).</summary>
internal sealed record BulkActionRefusal(string Field, string Message);
