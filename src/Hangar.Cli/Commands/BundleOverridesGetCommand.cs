using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class BundleOverridesGetCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("bundle override");

    public BundleOverridesGetCommand(CliContext cli)
        : base("get", "Show one bundle override, whether it is active now and how many devices it names.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.BundleOverrides.GetAsync(parseResult.GetRequiredValue(_id), ct), ReleaseViews.BundleOverride);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
