using System.Text.Json;

namespace Hangar.Agent.Configuration;

public static class AgentConfigLoader
{
    public const string DefaultPath = "/etc/hangar-agent/config.json";

    public static AgentConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new AgentConfigException(path, [$"cannot read the file: {exception.Message}"]);
        }

        return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Relative paths in the file are taken relative to <paramref name="baseDirectory"/> (the file's directory).</summary>
    public static AgentConfig Parse(string json, string path, string baseDirectory)
    {
        AgentConfig? config;
        try
        {
            config = JsonSerializer.Deserialize(json, AgentConfigJsonContext.Default.AgentConfig);
        }
        catch (JsonException exception)
        {
            // The serializer's message names the JSON path ($.downloads.max_attempts) and the position.
            throw new AgentConfigException(path, [exception.Message]);
        }

        if (config is null)
        {
            throw new AgentConfigException(path, ["the file holds null, not a configuration object"]);
        }

        var errors = AgentConfigValidator.Validate(config);
        if (errors.Count > 0)
        {
            throw new AgentConfigException(path, errors);
        }

        return AgentConfigPaths.Resolve(config, baseDirectory);
    }
}
