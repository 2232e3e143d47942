using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class BundlesGetCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("bundle");

    public BundlesGetCommand(CliContext cli)
        : base("get", "Show one bundle with its binaries and effective metadata.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.Bundles.GetAsync(parseResult.GetRequiredValue(_id), ct), FirmwareViews.Bundle);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
