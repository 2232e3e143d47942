using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class FleetSummaryCommand : Command
{
    private readonly Option<string?> _product = new("--product")
    {
        Description = "Only this product (id, resource name or name).",
        HelpName = "product",
    };

    private readonly Option<string?> _cohort = new("--cohort")
    {
        Description = "Only this cohort (id, resource name or name; with --product, a name within that product).",
        HelpName = "cohort",
    };

    private readonly Option<int?> _days = new("--days")
    {
        Description = "Days of release adoption to show, 1 to 90 (default 30).",
        HelpName = "days",
    };

    public FleetSummaryCommand(CliContext cli)
        : base("summary", "The fleet at a glance: devices online, offline for over a day, never connected and quarantined; the releases and "
            + "versions each cohort runs; update outcomes and adoption per release.")
    {
        Add(_product);
        Add(_cohort);
        Add(_days);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var summary = await session.Client.Fleet.SummaryAsync(
                parseResult.GetValue(_product), parseResult.GetValue(_cohort), parseResult.GetValue(_days), ct);
            if (session.Output.Format == OutputFormat.Json)
            {
                session.Output.Json(summary);
                return ExitCodes.Success;
            }

            session.Output.Rows([summary.Devices], FleetViews.Devices);
            session.Output.Rows(summary.Cohorts, FleetViews.Cohorts);
            session.Output.Rows(summary.Releases, FleetViews.Releases);
            session.Output.Rows(summary.Adoption.Releases, FleetViews.Adoption);
            session.Output.Note($"adoption per UTC day from {summary.Adoption.From:yyyy-MM-dd} to {summary.Adoption.To:yyyy-MM-dd}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
