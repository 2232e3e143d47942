using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Releases;

namespace Hangar.Cli.Commands;

internal sealed class ReleasesRollbackCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("release");

    private readonly Option<string> _reason = new("--reason")
    {
        Description = "Why (1 to 512 characters); becomes the rolled-back release's halt reason.",
        HelpName = "text",
        Required = true,
    };

    private readonly Option<string?> _to = new("--to")
    {
        Description = "The release whose bundle devices go back to: id, HRN or name within the cohort (default: the release pointing to the rolled-back one).",
        HelpName = "release",
    };

    private readonly Option<string?> _idempotencyKey = IdempotencyKeyOption.Create();

    public ReleasesRollbackCommand(CliContext cli)
        : base("rollback", "Roll back the cohort's latest release: it is halted, and a new required release shipping the previous bundle becomes the latest. " +
            "Devices that took the release install the previous bundle again; the others already run it. Prints the new release.")
    {
        Add(_id);
        Add(_reason);
        Add(_to);
        Add(_idempotencyKey);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new RollbackReleaseRequest(parseResult.GetRequiredValue(_reason), parseResult.GetValue(_to));
            var rollback = await session.Client.Releases.RollbackAsync(
                parseResult.GetRequiredValue(_id), request, IdempotencyKeyOption.Read(parseResult, _idempotencyKey, cli.Time), ct);
            session.Output.Item(rollback, ReleaseViews.Release);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
