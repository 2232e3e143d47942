using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class ProductsGetCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("product");

    public ProductsGetCommand(CliContext cli)
        : base("get", "Show one product.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.Products.GetAsync(parseResult.GetRequiredValue(_id), ct), Views.Product);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
