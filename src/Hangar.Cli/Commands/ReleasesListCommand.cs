using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Client;
using Hangar.Contracts.Releases;

namespace Hangar.Cli.Commands;

internal sealed class ReleasesListCommand : Command
{
    public ReleasesListCommand(CliContext cli)
        : base("list", "List the organization's releases (add --search \"cohort_id:'…'\" for one cohort's graph).")
    {
        var paging = new PagingOptions(this, "cohort_id", "name", "description", "bundle_id", "next_release_id", "latest", "required", "disabled",
            "halted", "version", "version_requirement", "schedule_date", "rollback_of_release_id", "created_at", "updated_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
        {
            var known = new Dictionary<Guid, ReleaseResponse>();
            return paging.ListAsync(parseResult, session.Output, ReleaseViews.ReleaseList(known), async (options, token) =>
            {
                var page = await session.Client.Releases.ListAsync(options, token);
                if (session.Output.Format != OutputFormat.Json)
                {
                    await LearnNamesAsync(session.Client, page.Data, known, token);
                }

                return page;
            }, ct);
        }, cancellationToken));
    }

    /// <summary>The releases of the page, and the next releases they point to that are not on it (another page or cohort filter).</summary>
    private static async Task LearnNamesAsync(HangarClient client, IReadOnlyList<ReleaseResponse> releases, Dictionary<Guid, ReleaseResponse> known, CancellationToken cancellationToken)
    {
        foreach (var release in releases)
        {
            known[release.Id] = release;
        }

        foreach (var next in releases.Select(r => r.NextReleaseId).OfType<Guid>().Distinct().Where(id => !known.ContainsKey(id)).ToList())
        {
            known[next] = await client.Releases.GetAsync(next.ToString(), cancellationToken);
        }
    }
}
