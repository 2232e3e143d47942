using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class DevicesUpdatesCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("device");

    public DevicesUpdatesCommand(CliContext cli)
        : base("updates", "List a device's updates: each release or bundle override it was offered, its state, attempt and failure reason.")
    {
        Add(_id);
        var paging = new PagingOptions(this, "state", "release_id", "bundle_override_id", "bundle_id", "attempt", "offered_at", "finished_at", "updated_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, UpdateViews.DeviceUpdate,
                (options, token) => session.Client.Devices.ListUpdatesAsync(parseResult.GetRequiredValue(_id), options, token), ct), cancellationToken));
    }
}
