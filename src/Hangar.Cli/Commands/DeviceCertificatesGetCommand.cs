using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class DeviceCertificatesGetCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("device certificate");

    public DeviceCertificatesGetCommand(CliContext cli)
        : base("get", "Show one device certificate: fingerprint, SPKI hash, validity and status.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.DeviceCertificates.GetAsync(parseResult.GetRequiredValue(_id), ct), Views.DeviceCertificate);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
