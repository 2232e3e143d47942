using Hangar.Contracts.Releases;

namespace Hangar.Console.Releases;

/// <summary>One word for where a release stands: halted wins over disabled, a future schedule over active.</summary>
internal static class ReleaseState
{
    public static string Of(ReleaseResponse release) => release switch
    {
        { HaltedAt: not null } => "halted",
        { Disabled: true } => "disabled",
        { ScheduleComplete: false } => "scheduled",
        _ => "active",
    };
}
