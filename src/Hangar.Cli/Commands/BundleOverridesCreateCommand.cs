using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Releases;

namespace Hangar.Cli.Commands;

internal sealed class BundleOverridesCreateCommand : Command
{
    private readonly Option<string> _name = new("--name")
    {
        Description = "Name of the override, unique in the organization (1 to 128 characters).",
        HelpName = "name",
        Required = true,
    };

    private readonly Option<string> _bundle = new("--bundle")
    {
        Description = "The bundle its devices get: id, HRN or name (every binary signed, none destroyed).",
        HelpName = "bundle",
        Required = true,
    };

    private readonly Option<DateTime?> _startsAt = TimeOption.Create("--starts-at", "When the override becomes active");

    private readonly Option<DateTime?> _endsAt = TimeOption.Create("--ends-at", "When it stops being active (default: never)");

    private readonly Option<string?> _description = new("--description") { Description = "What the override is for (up to 256 characters).", HelpName = "text" };

    private readonly Option<string?> _idempotencyKey = IdempotencyKeyOption.Create();

    public BundleOverridesCreateCommand(CliContext cli)
        : base("create", "Create a bundle override: while active, the devices you add get its bundle ahead of their cohort's releases.")
    {
        _startsAt.Required = true;
        Add(_name);
        Add(_bundle);
        Add(_startsAt);
        Add(_endsAt);
        Add(_description);
        Add(_idempotencyKey);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new CreateBundleOverrideRequest(
                parseResult.GetRequiredValue(_name), parseResult.GetRequiredValue(_bundle), parseResult.GetValue(_startsAt)!.Value,
                parseResult.GetValue(_endsAt), parseResult.GetValue(_description));
            var created = await session.Client.BundleOverrides.CreateAsync(request, IdempotencyKeyOption.Read(parseResult, _idempotencyKey, cli.Time), ct);
            session.Output.Item(created, ReleaseViews.BundleOverride);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
