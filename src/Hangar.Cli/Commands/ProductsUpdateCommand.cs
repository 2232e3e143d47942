using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Devices;

namespace Hangar.Cli.Commands;

internal sealed class ProductsUpdateCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("product");

    private readonly Option<string?> _name = new("--name")
    {
        Description = "New name (1 to 100 characters).",
        HelpName = "name",
    };

    private readonly Option<bool?> _archived = new("--archived")
    {
        Description = "true to archive the product (refused while it has devices), false to take it back into use.",
        HelpName = "true|false",
    };

    public ProductsUpdateCommand(CliContext cli)
        : base("update", "Rename, archive or unarchive a product; options left out stay as they are.")
    {
        Add(_id);
        Add(_name);
        Add(_archived);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new UpdateProductRequest(parseResult.GetValue(_name), parseResult.GetValue(_archived));
            session.Output.Item(await session.Client.Products.UpdateAsync(parseResult.GetRequiredValue(_id), request, ct), Views.Product);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
