using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class BinarySignaturesGetCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("binary signature");

    public BinarySignaturesGetCommand(CliContext cli)
        : base("get", "Show one binary signature.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.BinarySignatures.GetAsync(parseResult.GetRequiredValue(_id), ct), FirmwareViews.BinarySignature);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
