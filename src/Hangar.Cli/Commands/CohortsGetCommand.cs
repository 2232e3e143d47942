using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class CohortsGetCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("cohort");

    public CohortsGetCommand(CliContext cli)
        : base("get", "Show one cohort.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.Cohorts.GetAsync(parseResult.GetRequiredValue(_id), ct), Views.Cohort);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
