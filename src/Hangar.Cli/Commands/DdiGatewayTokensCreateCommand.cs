using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Ddi;

namespace Hangar.Cli.Commands;

internal sealed class DdiGatewayTokensCreateCommand : Command
{
    private readonly Option<string> _name = new("--name")
    {
        Description = "What the token is for, e.g. 'factory-gateway' (1 to 100 characters).",
        HelpName = "name",
        Required = true,
    };

    private readonly Option<string?> _idempotencyKey = IdempotencyKeyOption.Create();

    public DdiGatewayTokensCreateCommand(CliContext cli)
        : base("create", "Create a hawkBit gateway token: it acts for any device of the organization. The token is printed once.")
    {
        Add(_name);
        Add(_idempotencyKey);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var created = await session.Client.Ddi.CreateGatewayTokenAsync(new CreateDdiGatewayTokenRequest(parseResult.GetRequiredValue(_name)),
                IdempotencyKeyOption.Read(parseResult, _idempotencyKey, cli.Time), ct);
            if (session.Output.Format == OutputFormat.Json)
            {
                session.Output.Json(created);
            }
            else
            {
                session.Output.Item(created.GatewayToken, Views.DdiGatewayToken);
            }

            session.Output.Secret("Gateway token", created.Token, Secrets.DdiTokenWarning);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
