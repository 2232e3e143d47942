using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Webhooks;

namespace Hangar.Cli.Commands;

internal sealed class WebhooksCreateCommand : Command
{
    private readonly Option<string> _url = new("--url")
    {
        Description = "Where deliveries are POSTed: an https URL without credentials (at most 1,024 characters).",
        HelpName = "url",
        Required = true,
    };

    private readonly Option<string[]> _events = EventTypesOption.Create(required: true);

    private readonly Option<string?> _description = new("--description") { Description = "What the endpoint is for.", HelpName = "text" };

    private readonly Option<bool> _disabled = new("--disabled") { Description = "Create it disabled: nothing is delivered until it is enabled." };

    private readonly Option<string?> _idempotencyKey = IdempotencyKeyOption.Create();

    public WebhooksCreateCommand(CliContext cli)
        : base("create", "Create a webhook. Its signing secret is printed once; store it right away.")
    {
        Add(_url);
        Add(_events);
        Add(_description);
        Add(_disabled);
        Add(_idempotencyKey);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new CreateWebhookRequest(
                parseResult.GetRequiredValue(_url), EventTypesOption.Read(parseResult, _events) ?? [],
                parseResult.GetValue(_description), parseResult.GetValue(_disabled) ? "disabled" : null);
            var created = await session.Client.Webhooks.CreateAsync(request, IdempotencyKeyOption.Read(parseResult, _idempotencyKey, cli.Time), ct);
            if (session.Output.Format == OutputFormat.Json)
            {
                session.Output.Json(created);
            }
            else
            {
                session.Output.Item(created.Webhook, Views.Webhook);
            }

            session.Output.Secret("Webhook signing secret", created.Secret, Secrets.WebhookWarning);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
