using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class AuditListCommand : Command
{
    public AuditListCommand(CliContext cli)
        : base("list", "List the audit trail: every change made through the Admin API, by whom, and with what outcome (admins and owners).")
    {
        var paging = new PagingOptions(this,
            "action", "actor_type", "actor_id", "actor_name", "resource_type", "resource_id", "outcome", "status_code", "request_id", "client_address", "time");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, Views.AuditEntry, session.Client.Audit.ListAsync, ct), cancellationToken));
    }
}
