using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Webhooks;

namespace Hangar.Cli.Commands;

internal sealed class WebhooksUpdateCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("webhook");

    private readonly Option<string?> _url = new("--url") { Description = "New URL.", HelpName = "url" };

    private readonly Option<string[]> _events = EventTypesOption.Create(required: false);

    private readonly Option<string?> _description = new("--description") { Description = "New description.", HelpName = "text" };

    private readonly Option<string?> _state = new("--state")
    {
        Description = "enabled or disabled; enabling also clears a reason the dispatcher disabled it for.",
        HelpName = "enabled|disabled",
    };

    public WebhooksUpdateCommand(CliContext cli)
        : base("update", "Change a webhook; only the options given change.")
    {
        Add(_id);
        Add(_url);
        Add(_events);
        Add(_description);
        Add(_state);
        _state.AcceptOnlyFromAmong("enabled", "disabled");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new UpdateWebhookRequest(
                parseResult.GetValue(_url), EventTypesOption.Read(parseResult, _events), parseResult.GetValue(_description), parseResult.GetValue(_state));
            session.Output.Item(await session.Client.Webhooks.UpdateAsync(parseResult.GetRequiredValue(_id), request, ct), Views.Webhook);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
