using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Client;

namespace Hangar.Cli.Commands;

internal sealed class DevicesListCommand : Command
{
    private readonly Option<bool> _online = new("--online") { Description = "Only devices with their control socket open (adds online:true to --search)." };
    private readonly Option<bool> _offline = new("--offline") { Description = "Only devices without it (adds online:false to --search)." };

    public DevicesListCommand(CliContext cli)
        : base("list", "List the organization's devices; search by identifier, tags, product, cohort, quarantine, presence and more.")
    {
        var paging = new PagingOptions(this, "identifier", "tags", "description", "product_id", "cohort_id", "target", "quarantined", "online", "last_connected_at", "connected_at", "last_seen_at", "reported_release_id", "reported_bundle_id", "reported_release_version", "created_at", "updated_at");
        Add(_online);
        Add(_offline);
        Validators.Add(result =>
        {
            if (result.GetValue(_online) && result.GetValue(_offline))
            {
                result.AddError("--online and --offline exclude each other.");
            }
        });
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, Views.Device, (options, token) => session.Client.Devices.ListAsync(WithPresence(parseResult, options), token), ct),
            cancellationToken));
    }

    private ListOptions WithPresence(ParseResult parseResult, ListOptions options)
    {
        var clause = parseResult.GetValue(_online) ? "online:true" : parseResult.GetValue(_offline) ? "online:false" : null;
        return clause is null ? options : options with { Search = string.IsNullOrWhiteSpace(options.Search) ? clause : $"{options.Search} and {clause}" };
    }
}
