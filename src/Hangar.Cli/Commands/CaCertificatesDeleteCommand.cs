using System.CommandLine;

namespace Hangar.Cli.Commands;

internal sealed class CaCertificatesDeleteCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("CA certificate");

    public CaCertificatesDeleteCommand(CliContext cli)
        : base("delete", "Delete a CA certificate: it provisions no more devices; certificates it already provisioned keep working until revoked.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var id = parseResult.GetRequiredValue(_id);
            await session.Client.CaCertificates.DeleteAsync(id, ct);
            session.Output.Note($"Deleted CA certificate {id}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
