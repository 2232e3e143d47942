using System.Text.Json;

namespace Hangar.Contracts.Firmware;

/// <summary>Moves a binary through its states and/or changes its description or metadata.</summary>
/// <param name="State">hashable (all parts are uploaded), hashing (start verification), uploadable (reset: deletes the parts) or destroyed (delete the content).</param>
public sealed record UpdateBinaryRequest(string? State = null, string? Description = null, JsonElement? CustomMetadata = null);
