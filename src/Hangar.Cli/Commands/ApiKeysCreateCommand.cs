using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Access;

namespace Hangar.Cli.Commands;

internal sealed class ApiKeysCreateCommand : Command
{
    private readonly Option<string> _name = new("--name")
    {
        Description = "What the key is for, e.g. 'ci-pipeline' (1 to 100 characters).",
        HelpName = "name",
        Required = true,
    };

    private readonly Option<string> _role = RoleOption.Create("Role of the key");

    private readonly Option<DateTime?> _expiresAt = TimeOption.Create("--expires-at", "When the key stops working (default: never)");

    private readonly Option<string?> _idempotencyKey = IdempotencyKeyOption.Create();

    public ApiKeysCreateCommand(CliContext cli)
        : base("create", "Create an API key in the organization. Its secret is printed once; store it right away.")
    {
        Add(_name);
        Add(_role);
        Add(_expiresAt);
        Add(_idempotencyKey);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new CreateApiKeyRequest(parseResult.GetRequiredValue(_name), parseResult.GetRequiredValue(_role), parseResult.GetValue(_expiresAt));
            var created = await session.Client.ApiKeys.CreateAsync(request, IdempotencyKeyOption.Read(parseResult, _idempotencyKey, cli.Time), ct);
            if (session.Output.Format == OutputFormat.Json)
            {
                session.Output.Json(created);
            }
            else
            {
                session.Output.Item(created.Key, Views.ApiKey);
            }

            session.Output.Secret("API key secret", created.Secret, Secrets.ApiKeyWarning);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
