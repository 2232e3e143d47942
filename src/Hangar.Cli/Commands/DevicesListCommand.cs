using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class DevicesListCommand : Command
{
    public DevicesListCommand(CliContext cli)
        : base("list", "List the organization's devices; search by identifier, tags, product, cohort, quarantine and more.")
    {
        var paging = new PagingOptions(this, "identifier", "tags", "description", "product_id", "cohort_id", "target", "quarantined", "last_connected_at", "reported_release_id", "reported_bundle_id", "reported_release_version", "created_at", "updated_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, Views.Device, session.Client.Devices.ListAsync, ct), cancellationToken));
    }
}
