using System.CommandLine;

namespace Hangar.Cli.Commands;

internal sealed class DdiTargetTokenRevokeCommand : Command
{
    private readonly Argument<string> _device = IdArgument.Create("device");

    public DdiTargetTokenRevokeCommand(CliContext cli)
        : base("revoke", "Revoke the device's hawkBit target token: it stops working at once.")
    {
        Add(_device);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var device = parseResult.GetRequiredValue(_device);
            await session.Client.Ddi.RevokeTargetTokenAsync(device, ct);
            session.Output.Note($"Revoked the target token of device {device}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
