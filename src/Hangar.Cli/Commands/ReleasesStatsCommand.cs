using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class ReleasesStatsCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("release");

    public ReleasesStatsCommand(CliContext cli)
        : base("stats", "How a release's rollout is going: devices offered it, per update state, phase claims and capacity, and the failure rate its failure policy sees.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.Releases.StatsAsync(parseResult.GetRequiredValue(_id), ct), ReleaseViews.Stats);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
