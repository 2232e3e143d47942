using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class BundleOverridesListCommand : Command
{
    public BundleOverridesListCommand(CliContext cli)
        : base("list", "List the organization's bundle overrides.")
    {
        var paging = new PagingOptions(this, "name", "description", "bundle_id", "starts_at", "ends_at", "created_at", "updated_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, ReleaseViews.BundleOverride, session.Client.BundleOverrides.ListAsync, ct), cancellationToken));
    }
}
