using System.Text.Json;
using Hangar.Core.Releases;
using Hangar.Data.Releases;

namespace Hangar.Server.Features.Ddi;

/// <summary>
/// A DDI feedback body (<c>status.execution</c>, <c>status.result.finished</c>, <c>status.result.progress</c>,
/// <c>status.details</c>) mapped onto Hangar's update states: <c>closed</c> + <c>failure</c> is failed, <c>closed</c>
/// otherwise committed, <c>canceled</c> aborted, <c>downloaded</c> downloaded; <c>proceeding</c>, <c>scheduled</c>,
/// <c>resumed</c> and <c>download</c> start the download of an offered update and otherwise keep the state (with the
/// progress); <c>rejected</c> records nothing. Members hawkBit does not define are ignored, as hawkBit does.
/// </summary>
internal sealed record DdiFeedback(string Execution, string Finished, int? Progress, IReadOnlyList<string> Details)
{
    public static readonly string[] Executions = ["closed", "proceeding", "canceled", "scheduled", "rejected", "resumed", "downloaded", "download"];

    public static DdiFeedback? TryRead(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Object
            || !status.TryGetProperty("execution", out var execution) || execution.ValueKind != JsonValueKind.String
            || !Executions.Contains(execution.GetString()))
        {
            return null;
        }

        var finished = "none";
        int? progress = null;
        if (status.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object)
        {
            if (result.TryGetProperty("finished", out var f) && f.ValueKind == JsonValueKind.String)
            {
                finished = f.GetString()!;
            }

            if (result.TryGetProperty("progress", out var p) && p.ValueKind == JsonValueKind.Object
                && p.TryGetProperty("cnt", out var cnt) && cnt.TryGetInt32(out var done) && p.TryGetProperty("of", out var of) && of.TryGetInt32(out var all) && all > 0)
            {
                progress = Math.Clamp(done * 100 / all, 0, 100);
            }
        }

        var details = status.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.Array
            ? d.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];
        return new DdiFeedback(execution.GetString()!, finished, progress, details);
    }

    /// <summary>The state the feedback moves the update to, or null when it records nothing.</summary>
    public UpdateState? StateFrom(DeviceUpdate update) => Execution switch
    {
        "closed" => Finished == "failure" ? UpdateState.Failed : UpdateState.Committed,
        "canceled" => UpdateState.Aborted,
        "downloaded" => UpdateState.Downloaded,
        "rejected" => null,
        _ => update.State is UpdateState.Offered ? UpdateState.Downloading : update.State,
    };
}
