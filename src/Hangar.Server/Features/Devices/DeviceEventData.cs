using Hangar.Data.Devices;

namespace Hangar.Server.Features.Devices;

/// <summary>
/// The data of <c>device.*</c> events: the device as it is after the change (as it was, for deletions), and how the
/// change came about: <c>api</c> (the device endpoints), <c>import</c> (CSV), <c>bulk_action</c>, or <c>jitp</c>
/// (just-in-time provisioning, with the CA that vouched for the device in <see cref="CaCertificateId"/>).
/// </summary>
internal sealed record DeviceEventData(
    string Identifier, Guid ProductId, Guid? CohortId, IReadOnlyList<string> Tags, string? Target, bool Quarantined, string Source, Guid? CaCertificateId)
{
    public const string FromApi = "api";
    public const string FromImport = "import";
    public const string FromBulkAction = "bulk_action";
    public const string FromJitp = "jitp";

    public static DeviceEventData Of(Device device, string source = FromApi, Guid? caCertificateId = null) =>
        new(device.Identifier, device.ProductId, device.CohortId, [.. device.Tags.Select(t => t.Value).Order(StringComparer.Ordinal)], device.Target,
            device.Quarantined, source, caCertificateId);
}
