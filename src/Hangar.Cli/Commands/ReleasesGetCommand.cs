using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class ReleasesGetCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("release");

    public ReleasesGetCommand(CliContext cli)
        : base("get", "Show one release: its place in the graph, phase, schedule, failure policy and halt.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.Releases.GetAsync(parseResult.GetRequiredValue(_id), ct), ReleaseViews.Release);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
