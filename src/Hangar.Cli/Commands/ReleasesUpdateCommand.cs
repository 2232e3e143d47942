using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Releases;

namespace Hangar.Cli.Commands;

internal sealed class ReleasesUpdateCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("release");

    private readonly Option<string?> _name = new("--name") { Description = "New name (1 to 128 characters, unique in the cohort).", HelpName = "name" };

    private readonly Option<string?> _description = new("--description") { Description = "New description (up to 256 characters); '' clears it.", HelpName = "text" };

    private readonly Option<bool?> _disabled = new("--disabled")
    {
        Description = "true to disable the release, false to enable it (a halted release is enabled with 'releases resume').",
        HelpName = "true|false",
    };

    private readonly Option<bool?> _required = new("--required") { Description = "true if devices must not skip the release, false if they may.", HelpName = "true|false" };

    private readonly Option<string?> _next = new("--next-release")
    {
        Description = "Point the release to this one (id, HRN or name within the cohort); nothing else is rewired. '' makes it a latest release.",
        HelpName = "release",
    };

    private readonly Option<DateTime?> _schedule = TimeOption.Create("--schedule-date", "Not offered before this time");

    private readonly Option<bool> _clearSchedule = new("--clear-schedule-date") { Description = "Remove the schedule date." };

    private readonly Option<string?> _phaseMode = new("--phase-mode") { Description = "numeric or tags.", HelpName = "numeric|tags" };

    private readonly Option<decimal?> _phaseValue = DecimalOption.Create("--phase-value",
        "Numeric phase: a fraction from 0 to 1 or a whole number of devices from 2; 1 is everyone. Only the latest release may be phased.", "value");

    private readonly Option<string?> _phaseTags = TagsOption.Create("--phase-tags", "Tag phase: replace the tags");

    private readonly Option<string?> _version = new("--version") { Description = "Semantic version; '' clears it.", HelpName = "semver" };

    private readonly Option<string?> _versionRequirement = new("--version-requirement") { Description = "Version requirement; '' clears it.", HelpName = "requirement" };

    private readonly Option<decimal?> _haltRate = DecimalOption.Create("--halt-failure-rate", "Failure policy share (0 < x <= 1).", "share");

    private readonly Option<int?> _haltMinimum = new("--halt-minimum-devices") { Description = "Failure policy minimum of finished devices (at least 1).", HelpName = "n" };

    private readonly Option<bool> _clearPolicy = new("--clear-failure-policy") { Description = "Remove the failure policy." };

    public ReleasesUpdateCommand(CliContext cli)
        : base("update", "Change a release; options left out stay as they are. If the graph would break a rule, nothing changes.")
    {
        Add(_id);
        foreach (var option in new Option[]
        {
            _name, _description, _disabled, _required, _next, _schedule, _clearSchedule, _phaseMode, _phaseValue, _phaseTags, _version,
            _versionRequirement, _haltRate, _haltMinimum, _clearPolicy,
        })
        {
            Add(option);
        }

        _phaseMode.AcceptOnlyFromAmong("numeric", "tags");
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new UpdateReleaseRequest(
                Name: parseResult.GetValue(_name),
                Description: parseResult.GetValue(_description),
                Disabled: parseResult.GetValue(_disabled),
                Required: parseResult.GetValue(_required),
                NextRelease: parseResult.GetValue(_next),
                ScheduleDate: parseResult.GetValue(_schedule),
                ClearScheduleDate: parseResult.GetValue(_clearSchedule) ? true : null,
                PhaseMode: parseResult.GetValue(_phaseMode),
                PhaseValue: parseResult.GetValue(_phaseValue),
                PhaseTags: TagsOption.Read(parseResult, _phaseTags),
                Version: parseResult.GetValue(_version),
                VersionRequirement: parseResult.GetValue(_versionRequirement),
                HaltFailureRate: parseResult.GetValue(_haltRate),
                HaltMinimumDevices: parseResult.GetValue(_haltMinimum),
                ClearFailurePolicy: parseResult.GetValue(_clearPolicy) ? true : null);
            session.Output.Item(await session.Client.Releases.UpdateAsync(parseResult.GetRequiredValue(_id), request, ct), ReleaseViews.Release);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
