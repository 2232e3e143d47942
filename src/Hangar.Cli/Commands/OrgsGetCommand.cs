using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class OrgsGetCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("organization");

    public OrgsGetCommand(CliContext cli)
        : base("get", "Show one organization.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.Organizations.GetAsync(parseResult.GetRequiredValue(_id), ct), Views.Organization);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
