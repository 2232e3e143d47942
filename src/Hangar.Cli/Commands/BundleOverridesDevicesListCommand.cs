using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class BundleOverridesDevicesListCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("bundle override");

    public BundleOverridesDevicesListCommand(CliContext cli)
        : base("list", "List the devices a bundle override names, by device id.")
    {
        Add(_id);
        var paging = new PagingOptions(this, "device_id", "created_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, ReleaseViews.BundleOverrideDevice,
                (options, token) => session.Client.BundleOverrides.ListDevicesAsync(parseResult.GetRequiredValue(_id), options, token), ct), cancellationToken));
    }
}
