using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Releases;

namespace Hangar.Cli.Commands;

internal sealed class ReleasesCreateCommand : Command
{
    private readonly Option<string> _name = new("--name")
    {
        Description = "Name of the release, unique in its cohort (1 to 128 characters).",
        HelpName = "name",
        Required = true,
    };

    private readonly Option<string> _cohort = new("--cohort") { Description = "The cohort: its id, HRN or name (several products with that cohort name: use the id).", HelpName = "cohort", Required = true };

    private readonly Option<string> _bundle = new("--bundle")
    {
        Description = "The bundle it ships: id, HRN or name (every binary signed, none destroyed).",
        HelpName = "bundle",
        Required = true,
    };

    private readonly Option<string?> _description = new("--description") { Description = "What the release is (up to 256 characters).", HelpName = "text" };

    private readonly Option<string?> _next = new("--next-release")
    {
        Description = "Insert the release right before this one (id, HRN or name within the cohort). Without --next-release and --previous-release it becomes the latest.",
        HelpName = "release",
    };

    private readonly Option<string?> _previous = new("--previous-release")
    {
        Description = "Insert the release right after this one (id, HRN or name within the cohort); with --next-release, between the two (they must be adjacent).",
        HelpName = "release",
    };

    private readonly Option<bool> _required = new("--required") { Description = "Devices never skip a required release on their way to the latest." };

    private readonly Option<bool> _disabled = new("--disabled") { Description = "Create it disabled: never a target until enabled." };

    private readonly Option<DateTime?> _schedule = TimeOption.Create("--schedule-date", "Not offered before this time (only the latest release may be scheduled in the future)");

    private readonly Option<decimal?> _phaseValue = DecimalOption.Create("--phase-value",
        "Numeric phase: a fraction of the cohort's devices from 0 to 1, or a whole number of devices from 2 (default 1: everyone).", "value");

    private readonly Option<string?> _phaseTags = TagsOption.Create("--phase-tags", "Tag phase: only devices having any of these tags may take it");

    private readonly Option<string?> _version = new("--version") { Description = "Semantic version, e.g. 2.1.0.", HelpName = "semver" };

    private readonly Option<string?> _versionRequirement = new("--version-requirement")
    {
        Description = "Which reported versions may take it, e.g. \">= 1.0.0 and < 2.0.0\" or \"~> 2.1\".",
        HelpName = "requirement",
    };

    private readonly Option<decimal?> _haltRate = DecimalOption.Create("--halt-failure-rate",
        "Failure policy: halt when at least this share (0 < x <= 1) of the devices that finished failed or rolled back; needs --halt-minimum-devices.", "share");

    private readonly Option<int?> _haltMinimum = new("--halt-minimum-devices")
    {
        Description = "Failure policy: only once at least this many devices finished (committed, failed or rolled back).",
        HelpName = "n",
    };

    private readonly Option<string?> _idempotencyKey = IdempotencyKeyOption.Create();

    public ReleasesCreateCommand(CliContext cli)
        : base("create", "Create a release in a cohort: appended as the new latest, or inserted before/after/between the releases given.")
    {
        foreach (var option in new Option[]
        {
            _name, _cohort, _bundle, _description, _next, _previous, _required, _disabled, _schedule, _phaseValue, _phaseTags, _version,
            _versionRequirement, _haltRate, _haltMinimum, _idempotencyKey,
        })
        {
            Add(option);
        }

        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new CreateReleaseRequest(
                parseResult.GetRequiredValue(_name), parseResult.GetRequiredValue(_cohort), parseResult.GetRequiredValue(_bundle),
                Description: parseResult.GetValue(_description),
                NextRelease: parseResult.GetValue(_next),
                PreviousRelease: parseResult.GetValue(_previous),
                Required: parseResult.GetValue(_required),
                Disabled: parseResult.GetValue(_disabled),
                ScheduleDate: parseResult.GetValue(_schedule),
                PhaseValue: parseResult.GetValue(_phaseValue),
                PhaseTags: TagsOption.Read(parseResult, _phaseTags),
                Version: parseResult.GetValue(_version),
                VersionRequirement: parseResult.GetValue(_versionRequirement),
                HaltFailureRate: parseResult.GetValue(_haltRate),
                HaltMinimumDevices: parseResult.GetValue(_haltMinimum));
            var created = await session.Client.Releases.CreateAsync(request, IdempotencyKeyOption.Read(parseResult, _idempotencyKey, cli.Time), ct);
            session.Output.Item(created, ReleaseViews.Release);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
