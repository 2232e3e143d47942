using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class ProductsListCommand : Command
{
    public ProductsListCommand(CliContext cli)
        : base("list", "List the organization's products.")
    {
        var paging = new PagingOptions(this, "name", "archived", "created_at", "updated_at");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, (session, ct) =>
            paging.ListAsync(parseResult, session.Output, Views.Product, session.Client.Products.ListAsync, ct), cancellationToken));
    }
}
