using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class ReleasesResumeCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("release");

    public ReleasesResumeCommand(CliContext cli)
        : base("resume", "Resume a halted rollout: clears the halt and enables the release again.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var before = await session.Client.Releases.GetAsync(parseResult.GetRequiredValue(_id), ct);
            var resumed = await session.Client.Releases.ResumeAsync(before.Id.ToString(), ct);
            if (before.HaltedAt is null && !before.Disabled)
            {
                session.Output.Note($"Release {before.Name} was not halted; nothing changed.");
            }

            session.Output.Item(resumed, ReleaseViews.Release);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
