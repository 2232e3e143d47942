using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli;

/// <summary>Options every command takes (they are recursive from the root command).</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = $"Profile to use from the config file (default: ${EnvironmentVariables.Profile}, else 'default').",
        HelpName = "name",
        Recursive = true,
    };

    public Option<string?> Url { get; } = new("--url")
    {
        Description = $"Server URL, e.g. https://hangar.example.com (overrides ${EnvironmentVariables.Url} and the profile).",
        HelpName = "url",
        Recursive = true,
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"API key to authenticate with (overrides ${EnvironmentVariables.ApiKey} and the profile).",
        HelpName = "key",
        Recursive = true,
    };

    public Option<string> Output { get; } = new("--output", "-o")
    {
        Description = "Output format: 'table' for people, 'json' for scripts (the API's snake_case JSON).",
        HelpName = "table|json",
        DefaultValueFactory = _ => "table",
        Recursive = true,
    };

    public GlobalOptions() => Output.AcceptOnlyFromAmong("table", "json");

    public IEnumerable<Option> All => [Profile, Url, ApiKey, Output];

    public OutputFormat Format(ParseResult parseResult) =>
        parseResult.GetValue(Output) == "json" ? OutputFormat.Json : OutputFormat.Table;
}
