using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Devices;

namespace Hangar.Cli.Commands;

internal sealed class ProductsCreateCommand : Command
{
    private readonly Option<string> _name = new("--name")
    {
        Description = "Name of the product, unique in the organization (1 to 100 characters).",
        HelpName = "name",
        Required = true,
    };

    private readonly Option<bool> _archived = new("--archived")
    {
        Description = "Create the product archived (it then takes no new devices).",
    };

    private readonly Option<string?> _idempotencyKey = IdempotencyKeyOption.Create();

    public ProductsCreateCommand(CliContext cli)
        : base("create", "Create a product: a kind of device, which devices and cohorts belong to.")
    {
        Add(_name);
        Add(_archived);
        Add(_idempotencyKey);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new CreateProductRequest(parseResult.GetRequiredValue(_name), parseResult.GetValue(_archived));
            var created = await session.Client.Products.CreateAsync(request, IdempotencyKeyOption.Read(parseResult, _idempotencyKey, cli.Time), ct);
            session.Output.Item(created, Views.Product);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
