using System.CommandLine;

namespace Hangar.Cli.Commands;

internal sealed class CohortsDeleteCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("cohort");

    public CohortsDeleteCommand(CliContext cli)
        : base("delete", "Delete a cohort. A cohort with devices, or named in a CA's JITP settings, cannot be deleted.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var id = parseResult.GetRequiredValue(_id);
            await session.Client.Cohorts.DeleteAsync(id, ct);
            session.Output.Note($"Deleted cohort {id}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
