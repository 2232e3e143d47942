using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Releases;

namespace Hangar.Cli.Commands;

internal sealed class ReleasesHaltCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("release");

    private readonly Option<string> _reason = new("--reason")
    {
        Description = "Why the rollout stops (1 to 512 characters); kept on the release and in the release.halted event.",
        HelpName = "text",
        Required = true,
    };

    public ReleasesHaltCommand(CliContext cli)
        : base("halt", "Halt a rollout: the release is disabled and devices stop being offered it. Halting a halted release changes nothing.")
    {
        Add(_id);
        Add(_reason);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new HaltReleaseRequest(parseResult.GetRequiredValue(_reason));
            session.Output.Item(await session.Client.Releases.HaltAsync(parseResult.GetRequiredValue(_id), request, ct), ReleaseViews.Release);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
