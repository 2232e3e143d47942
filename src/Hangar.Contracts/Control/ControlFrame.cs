using System.Text.Json;

namespace Hangar.Contracts.Control;

/// <summary>
/// One text frame on the control socket (<c>GET /device/v1/connect</c>), either way: a small JSON envelope whose
/// <see cref="Type"/> says what it is (<see cref="ControlFrameTypes"/>). <see cref="Id"/> ties an answer to what it
/// answers (a command and the device's <c>ack</c>/<c>refused</c>); <see cref="Code"/> and <see cref="Message"/> go
/// with <c>error</c> and <c>refused</c>; <see cref="Data"/> carries a type's own body (for <c>telemetry</c>, a batch
/// as <c>POST /device/v1/telemetry</c> takes it).
/// </summary>
public sealed record ControlFrame(string Type, Guid? Id = null, string? Code = null, string? Message = null, JsonElement? Data = null);
