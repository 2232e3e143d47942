using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Organizations;

namespace Hangar.Cli.Commands;

internal sealed class OrgsCreateCommand : Command
{
    private readonly Option<string> _name = new("--name")
    {
        Description = "Display name of the new organization (1 to 100 characters).",
        HelpName = "name",
        Required = true,
    };

    private readonly Option<bool> _createApiKey = new("--create-api-key")
    {
        Description = "Also create an owner API key in the new organization; its secret is printed once.",
    };

    private readonly Option<string?> _idempotencyKey = IdempotencyKeyOption.Create();

    public OrgsCreateCommand(CliContext cli)
        : base("create", "Create an organization owned by the caller's user (owners only).")
    {
        Add(_name);
        Add(_createApiKey);
        Add(_idempotencyKey);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new CreateOrganizationRequest(parseResult.GetRequiredValue(_name), parseResult.GetValue(_createApiKey));
            var created = await session.Client.Organizations.CreateAsync(
                request, IdempotencyKeyOption.Read(parseResult, _idempotencyKey, cli.Time), ct);
            if (session.Output.Format == OutputFormat.Json)
            {
                session.Output.Json(created);
            }
            else
            {
                session.Output.Item(created.Organization, Views.Organization);
            }

            if (created.ApiKey is { } key)
            {
                session.Output.Secret($"Owner API key {key.Key.Name} ({key.Key.Id})", key.Secret, Secrets.ApiKeyWarning);
            }

            return ExitCodes.Success;
        }, cancellationToken));
    }
}
