using System.Security.Cryptography.X509Certificates;
using Hangar.Core.Access;
using Hangar.Core.Events;
using Hangar.Core.Resources;
using Hangar.Data;
using Hangar.Data.Devices;
using Hangar.Data.Tenancy;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Devices;
using Hangar.Server.Features.Events;
using Hangar.Server.Hosting.Database;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Features.Identity;

/// <summary>
/// CSV bulk import, all or nothing: every row is checked against the database and the rest of the file before
/// anything is written, and every problem is reported at once, keyed <c>row N.field</c> (N counts records from 1,
/// a header row included). It returns what happened (<see cref="DeviceImportOutcome"/>); <see cref="DeviceImportEndpoint"/>
/// answers it over HTTP.
/// </summary>
internal static class DeviceImporter
{
    public const int MaxRows = 10_000;
    public const int MaxCertificatesPerRow = 10;
    private const int MaxReportedErrors = 200;
    private static readonly string[] Columns = ["identifier", "description", "tags", "product", "cohort", "certificates", "target"];

    private sealed record Row(int Number, string Identifier, string? Description, List<string> Tags, Product Product, Cohort? Cohort, List<X509Certificate2> Certificates, string? Target);

    /// <summary>Imports the file for a caller of <paramref name="organizationId"/> with <paramref name="role"/> (rows with certificates need more).</summary>
    public static async Task<DeviceImportOutcome> ImportAsync(
        string csv, Guid organizationId, Role role, HangarDbContext db, AuditScope audit, EventRecorder events, DateTime now, CancellationToken cancellationToken)
    {
        if (!CsvRecords.TryParse(csv, out var records, out var csvError))
        {
            return Failed(new() { ["csv"] = [csvError] });
        }

        var first = records.Count > 0 && records[0].Count > 0 && records[0][0].Trim().Equals("identifier", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        if (records.Count - first is 0 or > MaxRows)
        {
            return Failed(new() { ["csv"] = [$"must hold 1 to {MaxRows} device rows (columns: {string.Join(", ", Columns)})."] });
        }

        var errors = new Dictionary<string, List<string>>();
        var rows = await ValidateAsync(records, first, organizationId, db, now, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return Failed(errors);
        }

        if (rows.Any(r => r.Certificates.Count > 0) && !PermissionMatrix.Allows(role, Permission.DeviceCertificateManage))
        {
            return new DeviceImportOutcome.CertificatesNeedRole(PermissionMatrix.MinimumRoleFor(Permission.DeviceCertificateManage));
        }

        foreach (var row in rows)
        {
            var device = DeviceEndpoints.NewDevice(organizationId, row.Identifier, row.Product.Id, row.Cohort?.Id, row.Description, row.Tags, row.Target, false, now);
            db.Devices.Add(device);
            db.DeviceCertificates.AddRange(row.Certificates.Select(c => DeviceCertificateRules.ToEntity(c, device, null, now)));
            events.Record(EventTypes.DeviceCreated, ResourceTypes.Device, device.Id, DeviceEventData.Of(device, DeviceEventData.FromImport));
        }

        audit.Resources(ResourceTypes.Device);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return new DeviceImportOutcome.RegisteredMeanwhile();
        }

        return new DeviceImportOutcome.Imported(rows.Count, rows.Sum(r => r.Certificates.Count));
    }

    private static async Task<List<Row>> ValidateAsync(
        List<List<string>> records, int first, Guid organizationId, HangarDbContext db, DateTime now, Dictionary<string, List<string>> errors, CancellationToken cancellationToken)
    {
        var identifiers = records.Skip(first).Select(r => r[0].Trim()).ToList();
        var existing = (await db.Devices.Where(d => identifiers.Contains(d.Identifier)).Select(d => d.Identifier).ToListAsync(cancellationToken)).ToHashSet();
        var products = new Dictionary<string, Product?>();
        var cohorts = new Dictionary<(Guid, string), Cohort?>();
        var seenIdentifiers = new HashSet<string>();
        var seenFingerprints = new Dictionary<string, int>();
        var rows = new List<Row>();
        for (var index = first; index < records.Count; index++)
        {
            var number = index + 1;
            void Error(string field, string message)
            {
                if (errors.Count < MaxReportedErrors)
                {
                    var key = $"row {number}.{field}";
                    (errors.TryGetValue(key, out var list) ? list : errors[key] = []).Add(message);
                }
            }

            var fields = records[index].Select(f => f.Trim()).ToList();
            if (fields.Count > Columns.Length)
            {
                Error("columns", $"has {fields.Count} columns; expected at most {Columns.Length}: {string.Join(", ", Columns)}.");
                continue;
            }

            fields.AddRange(Enumerable.Repeat("", Columns.Length - fields.Count));
            var (identifier, description, tagText, productRef, cohortRef, pem, target) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6]);
            if (DeviceRules.IdentifierRefusal(identifier) is { } identifierError)
            {
                Error("identifier", identifierError);
            }
            else if (!seenIdentifiers.Add(identifier))
            {
                Error("identifier", $"'{identifier}' appears more than once in the file.");
            }
            else if (existing.Contains(identifier))
            {
                Error("identifier", $"a device '{identifier}' already exists.");
            }

            if (description.Length > 256)
            {
                Error("description", "must be at most 256 characters.");
            }

            if (target.Length > 128)
            {
                Error("target", "must be at most 128 characters.");
            }

            var tags = DeviceRules.NormalizeTags(tagText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            if (DeviceRules.TagsRefusal(tags) is { } tagError)
            {
                Error("tags", tagError);
            }

            if (!products.TryGetValue(productRef, out var product))
            {
                products[productRef] = product = await FleetReferences.ProductAsync(db, productRef, organizationId, cancellationToken);
            }

            Cohort? cohort = null;
            if (product is null)
            {
                Error("product", productRef.Length == 0 ? "is required." : $"'{productRef}' is not a product of this organization.");
            }
            else if (product.Archived)
            {
                Error("product", $"'{product.Name}' is archived.");
            }
            else if (cohortRef.Length > 0)
            {
                if (!cohorts.TryGetValue((product.Id, cohortRef), out cohort))
                {
                    cohorts[(product.Id, cohortRef)] = cohort = await FleetReferences.CohortAsync(db, cohortRef, product.Id, organizationId, cancellationToken);
                }

                if (cohort is null)
                {
                    Error("cohort", $"'{cohortRef}' is not a cohort of product '{product.Name}'.");
                }
            }

            var certificates = new List<X509Certificate2>();
            if (pem.Length > 0)
            {
                if (!PemCertificates.TryReadMany(pem, MaxCertificatesPerRow, out certificates, out var pemError))
                {
                    Error("certificates", pemError);
                }

                foreach (var certificate in certificates)
                {
                    var fingerprint = CertificateFacts.Fingerprint(certificate);
                    if (DeviceCertificateRules.Refusal(certificate, identifier, now) is { } refusal)
                    {
                        Error("certificates", $"certificate {certificate.SerialNumber.ToLowerInvariant()} {refusal}");
                    }
                    else if (seenFingerprints.TryGetValue(fingerprint, out var otherRow))
                    {
                        Error("certificates", $"certificate {fingerprint} also appears in row {otherRow}.");
                    }
                    else
                    {
                        seenFingerprints[fingerprint] = number;
                    }
                }
            }

            if (product is not null)
            {
                rows.Add(new Row(number, identifier, description, tags, product, cohort, certificates, target));
            }
        }

        var fingerprints = seenFingerprints.Keys.ToList();
        var registered = await db.DeviceCertificates.IgnoreQueryFilters([TenantFilter.Name]).Where(c => fingerprints.Contains(c.Fingerprint)).Select(c => c.Fingerprint).ToListAsync(cancellationToken);
        foreach (var fingerprint in registered)
        {
            var key = $"row {seenFingerprints[fingerprint]}.certificates";
            (errors.TryGetValue(key, out var list) ? list : errors[key] = []).Add($"certificate {fingerprint} is already registered.");
        }

        return rows;
    }

    private static DeviceImportOutcome.Invalid Failed(Dictionary<string, List<string>> errors) =>
        new(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}
