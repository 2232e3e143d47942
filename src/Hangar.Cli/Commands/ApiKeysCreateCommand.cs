using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Hangar.Cli.Output;
using Hangar.Contracts.Access;

namespace Hangar.Cli.Commands;

internal sealed class ApiKeysCreateCommand : Command
{
    private static readonly string[] Iso8601 =
        ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd"];

    private readonly Option<string> _name = new("--name")
    {
        Description = "What the key is for, e.g. 'ci-pipeline' (1 to 100 characters).",
        HelpName = "name",
        Required = true,
    };

    private readonly Option<string> _role = RoleOption.Create("Role of the key");

    private readonly Option<DateTime?> _expiresAt = new("--expires-at")
    {
        Description = "When the key stops working, in ISO 8601 (e.g. 2030-01-31T00:00:00Z; without an offset, UTC is assumed). Default: never.",
        HelpName = "time",
        CustomParser = ParseTime,
    };

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

    private static DateTime? ParseTime(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (DateTimeOffset.TryParseExact(text, Iso8601, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time.UtcDateTime;
        }

        result.AddError($"'{text}' is not an ISO 8601 time; use e.g. 2030-01-31T00:00:00Z.");
        return null;
    }
}
