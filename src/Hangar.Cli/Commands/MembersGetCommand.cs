using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class MembersGetCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("member");

    public MembersGetCommand(CliContext cli)
        : base("get", "Show one member of the organization.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.Members.GetAsync(parseResult.GetRequiredValue(_id), ct), Views.Member);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
