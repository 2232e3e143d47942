using System.CommandLine;

namespace Hangar.Cli.Commands;

internal sealed class DeviceCertificatesRevokeCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("device certificate");

    public DeviceCertificatesRevokeCommand(CliContext cli)
        : base("revoke", "Revoke a device certificate: the device listener refuses it from the next request on; the record stays.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var id = parseResult.GetRequiredValue(_id);
            await session.Client.DeviceCertificates.RevokeAsync(id, ct);
            session.Output.Note($"Revoked device certificate {id}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
