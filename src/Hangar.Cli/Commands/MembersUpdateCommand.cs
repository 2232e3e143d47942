using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Access;

namespace Hangar.Cli.Commands;

internal sealed class MembersUpdateCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("member");

    private readonly Option<string> _role = RoleOption.Create("New role");

    public MembersUpdateCommand(CliContext cli)
        : base("update", "Change a member's role. The last owner cannot be demoted.")
    {
        Add(_id);
        Add(_role);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new UpdateMemberRequest(parseResult.GetRequiredValue(_role));
            session.Output.Item(await session.Client.Members.UpdateAsync(parseResult.GetRequiredValue(_id), request, ct), Views.Member);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
