using System.Text.Json.Serialization;

namespace Hangar.Server.Features.Ddi.Wire;

/// <summary>An action to install (hawkBit's <c>DdiDeploymentBase</c>; also the shape of <c>installedBase</c>).</summary>
internal sealed record DdiDeploymentBase(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("deployment")] DdiDeployment Deployment,
    [property: JsonPropertyName("actionHistory")] DdiActionHistory? ActionHistory);
