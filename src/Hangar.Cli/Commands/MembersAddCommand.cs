using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Access;

namespace Hangar.Cli.Commands;

internal sealed class MembersAddCommand : Command
{
    private readonly Option<string> _email = new("--email")
    {
        Description = "Email address of the user to add.",
        HelpName = "email",
        Required = true,
    };

    private readonly Option<string> _role = RoleOption.Create("Role in this organization");

    private readonly Option<string?> _name = new("--name")
    {
        Description = "Display name for a user who does not exist yet (default: the part of the email before '@').",
        HelpName = "name",
    };

    private readonly Option<string?> _idempotencyKey = IdempotencyKeyOption.Create();

    public MembersAddCommand(CliContext cli)
        : base("add", "Add a user to the organization. An unknown email is invited: an invitation token is printed once.")
    {
        Add(_email);
        Add(_role);
        Add(_name);
        Add(_idempotencyKey);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new AddMemberRequest(parseResult.GetRequiredValue(_email), parseResult.GetRequiredValue(_role), parseResult.GetValue(_name));
            var added = await session.Client.Members.AddAsync(request, IdempotencyKeyOption.Read(parseResult, _idempotencyKey, cli.Time), ct);
            if (session.Output.Format == OutputFormat.Json)
            {
                session.Output.Json(added);
            }
            else
            {
                session.Output.Item(added.Member, Views.Member);
            }

            if (added.InvitationToken is { } token)
            {
                var expires = added.InvitationExpiresAt is { } at ? CellText.Format(at) : "unknown";
                session.Output.Secret($"Invitation token (expires {expires})", token, Secrets.InvitationWarning);
            }

            return ExitCodes.Success;
        }, cancellationToken));
    }
}
