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
            session.Output.Item(await session.Client.Releases.ResumeAsync(parseResult.GetRequiredValue(_id), ct), ReleaseViews.Release);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
