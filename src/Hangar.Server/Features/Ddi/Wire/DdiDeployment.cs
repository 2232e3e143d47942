using System.Text.Json.Serialization;

namespace Hangar.Server.Features.Ddi.Wire;

/// <summary>
/// What to download and install: <c>download</c> and <c>update</c> are <c>skip</c>, <c>attempt</c> or <c>forced</c>;
/// Hangar has no maintenance windows, so <c>maintenanceWindow</c> is never written (hawkBit omits it without a schedule).
/// </summary>
internal sealed record DdiDeployment(
    [property: JsonPropertyName("download")] string Download,
    [property: JsonPropertyName("update")] string Update,
    [property: JsonPropertyName("chunks")] IReadOnlyList<DdiChunk> Chunks);
