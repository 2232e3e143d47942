using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Releases;

namespace Hangar.Cli.Commands;

internal sealed class BundleOverridesUpdateCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("bundle override");

    private readonly Option<string?> _name = new("--name") { Description = "New name (1 to 128 characters).", HelpName = "name" };

    private readonly Option<string?> _description = new("--description") { Description = "New description (up to 256 characters); '' clears it.", HelpName = "text" };

    private readonly Option<string?> _bundle = new("--bundle") { Description = "Another bundle: id, HRN or name.", HelpName = "bundle" };

    private readonly Option<DateTime?> _startsAt = TimeOption.Create("--starts-at", "New start");

    private readonly Option<DateTime?> _endsAt = TimeOption.Create("--ends-at", "New end (after the start)");

    private readonly Option<bool> _clearEndsAt = new("--clear-ends-at") { Description = "Make the override open-ended." };

    public BundleOverridesUpdateCommand(CliContext cli)
        : base("update", "Change a bundle override, its bundle and time window included; options left out stay as they are.")
    {
        Add(_id);
        Add(_name);
        Add(_description);
        Add(_bundle);
        Add(_startsAt);
        Add(_endsAt);
        Add(_clearEndsAt);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new UpdateBundleOverrideRequest(
                parseResult.GetValue(_name), parseResult.GetValue(_description), parseResult.GetValue(_bundle),
                parseResult.GetValue(_startsAt), parseResult.GetValue(_endsAt), parseResult.GetValue(_clearEndsAt) ? true : null);
            session.Output.Item(await session.Client.BundleOverrides.UpdateAsync(parseResult.GetRequiredValue(_id), request, ct), ReleaseViews.BundleOverride);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
