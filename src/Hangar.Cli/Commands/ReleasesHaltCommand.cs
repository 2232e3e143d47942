using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Releases;

namespace Hangar.Cli.Commands;

internal sealed class ReleasesHaltCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("release");

    private readonly Option<string> _reason = new("--reason")
    {
        Description = "Why the rollout stops (1 to 512 characters); kept on the release and in the release.halted event.",
        HelpName = "text",
        Required = true,
    };

    public ReleasesHaltCommand(CliContext cli)
        : base("halt", "Halt a rollout: the release is disabled and devices stop being offered it. Halting a halted release changes nothing.")
    {
        Add(_id);
        Add(_reason);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            // The API answers a repeated halt with 200 and the release as first halted (safe to retry), so whether this
            // call changed anything is read from the release before it.
            var before = await session.Client.Releases.GetAsync(parseResult.GetRequiredValue(_id), ct);
            var request = new HaltReleaseRequest(parseResult.GetRequiredValue(_reason));
            var halted = await session.Client.Releases.HaltAsync(before.Id.ToString(), request, ct);
            if (before.HaltedAt is { } at)
            {
                session.Output.Note($"Release {before.Name} was already halted at {CellText.Format(at)} ({before.HaltReason}); nothing changed.");
            }

            session.Output.Item(halted, ReleaseViews.Release);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
