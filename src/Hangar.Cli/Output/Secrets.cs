namespace Hangar.Cli.Output;

/// <summary>The warnings printed next to secrets the server reveals only once.</summary>
internal static class Secrets
{
    public const string ApiKeyWarning =
        "Store this API key secret now: it is shown only this once and cannot be retrieved later (the server keeps only a hash).";

    public const string WebhookWarning =
        "Store this signing secret in your receiver now: it is shown only this once. Verify every delivery's webhook-signature with it.";

    public const string DdiTokenWarning =
        "Store this token in the update client's configuration now: it is shown only this once (the server keeps only a hash).";

    public const string InvitationWarning =
        "Send this invitation token to the new member now: it is shown only this once. They use it to choose a password.";
}
