using System.CommandLine;

namespace Hangar.Cli.Commands;

/// <summary>
/// <c>--role</c>. The server validates the value, so a role added later works without a new CLI; the known roles
/// are offered for completion and listed in help.
/// </summary>
internal static class RoleOption
{
    public static readonly string[] Known = ["viewer", "operator", "admin", "owner"];

    public static Option<string> Create(string purpose)
    {
        var option = new Option<string>("--role")
        {
            Description = $"{purpose}: viewer, operator, admin or owner (no higher than your own role).",
            HelpName = "role",
            Required = true,
        };
        option.CompletionSources.Add(Known);
        return option;
    }
}
