using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class AuditGetCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("audit entry");

    public AuditGetCommand(CliContext cli)
        : base("get", "Show one audit entry, including the request id and client address.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.Audit.GetAsync(parseResult.GetRequiredValue(_id), ct), Views.AuditEntry);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
