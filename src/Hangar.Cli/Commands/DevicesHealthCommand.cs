using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class DevicesHealthCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("device");

    public DevicesHealthCommand(CliContext cli)
        : base("health", "Show a device's health: healthy or not, and each rule it fails with since when and the failing value.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var health = await session.Client.HealthRules.DeviceAsync(parseResult.GetRequiredValue(_id), ct);
            if (session.Output.Format == OutputFormat.Json)
            {
                session.Output.Json(health);
                return ExitCodes.Success;
            }

            session.Output.Note(health.Healthy switch
            {
                null => "Health: unknown (its product has no enabled health rule, it is quarantined, or it was not evaluated yet).",
                true => "Health: healthy.",
                false => $"Health: unhealthy, failing {health.Failing.Count} of {health.Rules?.Count ?? 0} rules.",
            });
            session.Output.Rows(health.Failing, HealthViews.Failure);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
