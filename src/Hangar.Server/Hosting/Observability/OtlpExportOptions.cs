using OpenTelemetry.Exporter;

namespace Hangar.Server.Hosting.Observability;

/// <summary><c>Observability:Otlp</c>: where metrics and traces are pushed (besides the standard <c>OTEL_EXPORTER_OTLP_*</c> variables).</summary>
internal sealed class OtlpExportOptions
{
    /// <summary>The collector's base address, e.g. <c>http://collector:4318</c>; signal paths are appended for HTTP.</summary>
    public Uri? Endpoint { get; init; }

    public OtlpExportProtocol Protocol { get; init; } = OtlpExportProtocol.HttpProtobuf;

    /// <summary>How often metrics are pushed.</summary>
    public int ExportIntervalMilliseconds { get; init; } = 60_000;
}
