using System.Text.Json.Nodes;

namespace Hangar.Agent.Installers;

/// <param name="FilePath">The downloaded file, already verified (size, SHA-256, signatures).</param>
/// <param name="Options">The binary's <c>hangar.options</c> metadata object (empty when absent).</param>
public sealed record InstallRequest(string BinaryId, string FilePath, JsonObject Options);
