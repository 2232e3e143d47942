using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Devices;

namespace Hangar.Cli.Commands;

internal sealed class DevicesBulkCommand : Command
{
    private static readonly string[] Actions = ["move-cohort", "add-tags", "remove-tags", "quarantine", "unquarantine"];

    private readonly Argument<string> _action = new("action")
    {
        Description = $"What to do: {string.Join(", ", Actions)}.",
    };

    private readonly Option<string[]> _ids = new("--id")
    {
        Description = "A device id, HRN or identifier; repeat for each device (up to 1,000). Give either --id or --search.",
        HelpName = "id",
    };

    private readonly Option<string?> _search = new("--search")
    {
        Description = "Act on the devices matching this search (at most 1,000), e.g. \"tags:'edge'\". Give either --id or --search.",
        HelpName = "query",
    };

    private readonly Option<string?> _cohort = new("--cohort")
    {
        Description = "For move-cohort: the cohort's id, HRN or name (a name is looked up among the devices' products); '' takes them out of their cohort.",
        HelpName = "cohort",
    };

    private readonly Option<string?> _tags = TagsOption.Create("--tags", "For add-tags and remove-tags: the tags");

    public DevicesBulkCommand(CliContext cli)
        : base("bulk", "Apply one action to many devices, chosen by id or by search. All or nothing: if one device cannot change, none does.")
    {
        _action.AcceptOnlyFromAmong(Actions);
        Add(_action);
        Add(_ids);
        Add(_search);
        Add(_cohort);
        Add(_tags);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var ids = parseResult.GetValue(_ids) is { Length: > 0 } given ? given : null;
            var search = parseResult.GetValue(_search);
            if ((ids is null) == (search is null))
            {
                throw new CommandException(ExitCodes.UsageError, "give either --id (repeated for each device) or --search, not both and not neither.");
            }

            var request = new BulkDeviceActionRequest(
                parseResult.GetRequiredValue(_action).Replace('-', '_'), ids, search, parseResult.GetValue(_cohort), TagsOption.Read(parseResult, _tags));
            session.Output.Item(await session.Client.Devices.BulkAsync(request, ct), Views.BulkResult);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
