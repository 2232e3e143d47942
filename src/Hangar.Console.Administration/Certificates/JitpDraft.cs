using Hangar.Console.Shared;
using Hangar.Contracts.Devices;

namespace Hangar.Console.Administration.Certificates;

/// <summary>
/// The just-in-time provisioning settings as a form edits them (tags as one comma-separated line). Public: it is a
/// parameter of a Razor component, and those are public.
/// </summary>
public sealed class JitpDraft
{
    public bool Enabled { get; set; }

    public string Product { get; set; } = "";

    public string Cohort { get; set; } = "";

    public string Tags { get; set; } = "";

    public string Target { get; set; } = "";

    public string Description { get; set; } = "";

    public static JitpDraft From(JitpResponse? jitp) => jitp is null ? new JitpDraft() : new JitpDraft
    {
        Enabled = true,
        Product = jitp.ProductId.ToString(),
        Cohort = jitp.CohortId?.ToString() ?? "",
        Tags = string.Join(", ", jitp.Tags),
        Target = jitp.Target ?? "",
        Description = jitp.Description ?? "",
    };

    /// <summary>The settings to send; null when provisioning is off. The API checks every field and names the wrong ones.</summary>
    public JitpRequest? ToRequest() => !Enabled ? null : new JitpRequest(
        Product,
        Blank(Cohort),
        [.. CommaList.Items(Tags)],
        Blank(Target),
        Blank(Description));

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
