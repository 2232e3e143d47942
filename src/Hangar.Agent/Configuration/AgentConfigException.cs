namespace Hangar.Agent.Configuration;

/// <summary>The configuration file cannot be used; <see cref="Errors"/> name each offending field.</summary>
public sealed class AgentConfigException(string path, IReadOnlyList<string> errors)
    : Exception($"{path}: invalid agent configuration:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
