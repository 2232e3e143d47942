using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Organizations;

namespace Hangar.Cli.Commands;

internal sealed class OrgsUpdateCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("organization");

    private readonly Option<string> _name = new("--name")
    {
        Description = "New display name (1 to 100 characters).",
        HelpName = "name",
        Required = true,
    };

    public OrgsUpdateCommand(CliContext cli)
        : base("update", "Rename the organization the API key belongs to (owners only).")
    {
        Add(_id);
        Add(_name);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new UpdateOrganizationRequest(parseResult.GetRequiredValue(_name));
            session.Output.Item(await session.Client.Organizations.UpdateAsync(parseResult.GetRequiredValue(_id), request, ct), Views.Organization);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
