using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Updates;

namespace Hangar.Cli.Commands;

internal sealed class DevicesGetUpdateCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("device");

    private readonly Option<string?> _release = new("--release")
    {
        Description = "The release the device runs: id, HRN or name (a name within the device's cohort).",
        HelpName = "release",
    };

    private readonly Option<string?> _bundle = new("--bundle")
    {
        Description = "The bundle the device runs: id, HRN or name.",
        HelpName = "bundle",
    };

    private readonly Option<string?> _releaseVersion = new("--release-version")
    {
        Description = "The release version the device runs (semantic version).",
        HelpName = "version",
    };

    private readonly Option<bool> _write = new("--write")
    {
        Description = "Count the check as the device's own: record what it runs, take a phase place, record the offer. Without it nothing changes.",
    };

    public DevicesGetUpdateCommand(CliContext cli)
        : base("get-update", "Ask what a device would be offered, given what it runs (at least one of --release, --bundle, --release-version).")
    {
        Add(_id);
        Add(_release);
        Add(_bundle);
        Add(_releaseVersion);
        Add(_write);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new AdminUpdateCheckRequest(
                parseResult.GetValue(_release), parseResult.GetValue(_bundle), parseResult.GetValue(_releaseVersion), parseResult.GetValue(_write));
            session.Output.Item(await session.Client.Devices.GetUpdateAsync(parseResult.GetRequiredValue(_id), request, ct), UpdateViews.UpdateCheck);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
