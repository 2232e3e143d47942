using System.Text.Json.Serialization;

namespace Hangar.Agent.State;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(AgentState))]
internal sealed partial class AgentStateJsonContext : JsonSerializerContext;
