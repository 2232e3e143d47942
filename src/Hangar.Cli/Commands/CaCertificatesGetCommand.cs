using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class CaCertificatesGetCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("CA certificate");

    public CaCertificatesGetCommand(CliContext cli)
        : base("get", "Show one CA certificate and its JITP settings.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.CaCertificates.GetAsync(parseResult.GetRequiredValue(_id), ct), Views.CaCertificate);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
