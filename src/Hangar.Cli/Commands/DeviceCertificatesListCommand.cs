using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class DeviceCertificatesListCommand : Command
{
    public DeviceCertificatesListCommand(CliContext cli)
        : base("list", "List the organization's device certificates, active and revoked.")
    {
        var paging = new PagingOptions(this, "device_id", "fingerprint", "spki_hash", "serial", "status", "ca_certificate_id", "not_before", "not_after", "created_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, Views.DeviceCertificate, session.Client.DeviceCertificates.ListAsync, ct), cancellationToken));
    }
}
