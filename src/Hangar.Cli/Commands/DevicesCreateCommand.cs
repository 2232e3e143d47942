using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Devices;

namespace Hangar.Cli.Commands;

internal sealed class DevicesCreateCommand : Command
{
    private readonly Option<string> _identifier = new("--identifier")
    {
        Description = "Unique identifier of the device and CN of its certificates: 1 to 128 letters, digits and . - _ : @.",
        HelpName = "id",
        Required = true,
    };

    private readonly Option<string> _product = new("--product")
    {
        Description = "The device's product: id, HRN or name (not archived).",
        HelpName = "product",
        Required = true,
    };

    private readonly Option<string?> _cohort = new("--cohort")
    {
        Description = "A cohort of that product: id, HRN or name.",
        HelpName = "cohort",
    };

    private readonly Option<string?> _description = new("--description")
    {
        Description = "Description (up to 256 characters).",
        HelpName = "text",
    };

    private readonly Option<string?> _tags = TagsOption.Create("--tags", "Tags");

    private readonly Option<string?> _target = new("--target")
    {
        Description = "Target triplet, e.g. aarch64-unknown-linux-gnu (up to 128 characters).",
        HelpName = "target",
    };

    private readonly Option<bool> _quarantined = new("--quarantined")
    {
        Description = "Create the device quarantined: it authenticates but receives no updates.",
    };

    private readonly Option<string?> _idempotencyKey = IdempotencyKeyOption.Create();

    public DevicesCreateCommand(CliContext cli)
        : base("create", "Create a device. It authenticates once a certificate is registered for it (device-certificates create).")
    {
        Add(_identifier);
        Add(_product);
        Add(_cohort);
        Add(_description);
        Add(_tags);
        Add(_target);
        Add(_quarantined);
        Add(_idempotencyKey);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new CreateDeviceRequest(
                parseResult.GetRequiredValue(_identifier), parseResult.GetRequiredValue(_product), parseResult.GetValue(_cohort),
                parseResult.GetValue(_description), TagsOption.Read(parseResult, _tags), parseResult.GetValue(_target), parseResult.GetValue(_quarantined));
            var created = await session.Client.Devices.CreateAsync(request, IdempotencyKeyOption.Read(parseResult, _idempotencyKey, cli.Time), ct);
            session.Output.Item(created, Views.Device);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
