using System.CommandLine;

namespace Hangar.Cli.Commands;

internal sealed class MembersRemoveCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("member");

    public MembersRemoveCommand(CliContext cli)
        : base("remove", "Remove a member from the organization; their API keys and console sessions in it are revoked. The last owner cannot be removed.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var id = parseResult.GetRequiredValue(_id);
            await session.Client.Members.RemoveAsync(id, ct);
            session.Output.Note($"Removed member {id}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
