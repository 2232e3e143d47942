using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Devices;

namespace Hangar.Cli.Commands;

internal sealed class DevicesUpdateCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("device");

    private readonly Option<string?> _description = new("--description")
    {
        Description = "New description (up to 256 characters); '' clears it.",
        HelpName = "text",
    };

    private readonly Option<string?> _product = new("--product")
    {
        Description = "Move the device to this product: id, HRN or name.",
        HelpName = "product",
    };

    private readonly Option<string?> _cohort = new("--cohort")
    {
        Description = "Move the device to this cohort of its product: id, HRN or name; '' takes it out of its cohort.",
        HelpName = "cohort",
    };

    private readonly Option<string?> _tags = TagsOption.Create("--tags", "Replace all tags with these ('' removes every tag)");

    private readonly Option<string?> _target = new("--target")
    {
        Description = "New target triplet; '' clears it.",
        HelpName = "target",
    };

    private readonly Option<bool?> _quarantined = new("--quarantined")
    {
        Description = "true to quarantine the device (it still authenticates but receives no updates), false to release it.",
        HelpName = "true|false",
    };

    public DevicesUpdateCommand(CliContext cli)
        : base("update", "Change a device; options left out stay as they are. The identifier cannot change (it is the certificates' CN).")
    {
        Add(_id);
        Add(_description);
        Add(_product);
        Add(_cohort);
        Add(_tags);
        Add(_target);
        Add(_quarantined);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new UpdateDeviceRequest(
                parseResult.GetValue(_description), parseResult.GetValue(_product), parseResult.GetValue(_cohort),
                TagsOption.Read(parseResult, _tags), parseResult.GetValue(_target), parseResult.GetValue(_quarantined));
            session.Output.Item(await session.Client.Devices.UpdateAsync(parseResult.GetRequiredValue(_id), request, ct), Views.Device);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
