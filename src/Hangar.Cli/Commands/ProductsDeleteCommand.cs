using System.CommandLine;

namespace Hangar.Cli.Commands;

internal sealed class ProductsDeleteCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("product");

    public ProductsDeleteCommand(CliContext cli)
        : base("delete", "Delete a product. A product that still has devices, cohorts or CA provisioning settings cannot be deleted.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var id = parseResult.GetRequiredValue(_id);
            await session.Client.Products.DeleteAsync(id, ct);
            session.Output.Note($"Deleted product {id}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
