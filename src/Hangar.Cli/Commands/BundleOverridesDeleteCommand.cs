using System.CommandLine;

namespace Hangar.Cli.Commands;

internal sealed class BundleOverridesDeleteCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("bundle override");

    public BundleOverridesDeleteCommand(CliContext cli)
        : base("delete", "Delete a bundle override; its devices go back to their cohort's releases.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var id = parseResult.GetRequiredValue(_id);
            await session.Client.BundleOverrides.DeleteAsync(id, ct);
            session.Output.Note($"Deleted bundle override {id}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
