using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class CaCertificatesListCommand : Command
{
    public CaCertificatesListCommand(CliContext cli)
        : base("list", "List the organization's registered CA certificates.")
    {
        var paging = new PagingOptions(this, "subject", "description", "fingerprint", "serial", "enabled", "jitp", "not_after", "created_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, Views.CaCertificate, session.Client.CaCertificates.ListAsync, ct), cancellationToken));
    }
}
