namespace Hangar.Agent.Configuration;

public sealed record CommandInstallerConfig
{
    /// <summary>Named commands; <c>{file}</c> in an argument is replaced by the verified file's path.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Commands { get; set; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    public int TimeoutSeconds { get; set; } = 600;

    public bool RebootRequired { get; set; }
}
