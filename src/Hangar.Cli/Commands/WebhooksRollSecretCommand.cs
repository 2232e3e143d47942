using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Webhooks;

namespace Hangar.Cli.Commands;

internal sealed class WebhooksRollSecretCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("webhook");

    private readonly Option<int?> _overlap = new("--overlap")
    {
        Description = "Seconds the old secret keeps signing next to the new one (0 to 604800; default 0: it stops at once).",
        HelpName = "seconds",
    };

    public WebhooksRollSecretCommand(CliContext cli)
        : base("roll-secret", "Replace a webhook's signing secret. The new secret is printed once.")
    {
        Add(_id);
        Add(_overlap);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var rolled = await session.Client.Webhooks.RollSecretAsync(
                parseResult.GetRequiredValue(_id), new RollWebhookSecretRequest(parseResult.GetValue(_overlap)), ct);
            if (session.Output.Format == OutputFormat.Json)
            {
                session.Output.Json(rolled);
            }
            else
            {
                session.Output.Item(rolled.Webhook, Views.Webhook);
            }

            session.Output.Secret("Webhook signing secret", rolled.Secret, Secrets.WebhookWarning);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
