using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Devices;

namespace Hangar.Cli.Commands;

internal sealed class CohortsUpdateCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("cohort");

    private readonly Option<string?> _name = new("--name")
    {
        Description = "New name (1 to 128 characters).",
        HelpName = "name",
    };

    private readonly Option<string?> _description = new("--description")
    {
        Description = "New description (up to 256 characters); '' clears it.",
        HelpName = "text",
    };

    public CohortsUpdateCommand(CliContext cli)
        : base("update", "Rename a cohort or change its description; options left out stay as they are.")
    {
        Add(_id);
        Add(_name);
        Add(_description);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new UpdateCohortRequest(parseResult.GetValue(_name), parseResult.GetValue(_description));
            session.Output.Item(await session.Client.Cohorts.UpdateAsync(parseResult.GetRequiredValue(_id), request, ct), Views.Cohort);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
