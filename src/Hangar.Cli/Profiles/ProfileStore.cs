using System.Text.Json;

namespace Hangar.Cli.Profiles;

/// <summary>
/// Reads and writes <c>config.json</c> in the CLI's config directory. The file holds API keys, so it is created
/// readable by its owner only and replaced atomically: a crash mid-write never leaves a truncated file behind.
/// </summary>
internal sealed class ProfileStore(string directory)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
    };

    public string Directory { get; } = directory;

    public string FilePath => Path.Combine(Directory, "config.json");

    /// <summary><c>$HANGAR_CONFIG_DIR</c>, else <c>$XDG_CONFIG_HOME/hangar</c>, else <c>~/.config/hangar</c>.</summary>
    public static ProfileStore FromEnvironment(IReadOnlyDictionary<string, string?> environment)
    {
        if (EnvironmentVariables.Get(environment, EnvironmentVariables.ConfigDirectory) is { } configured)
        {
            return new ProfileStore(Path.GetFullPath(configured));
        }

        var configHome = EnvironmentVariables.Get(environment, "XDG_CONFIG_HOME")
            ?? Path.Combine(EnvironmentVariables.Get(environment, "HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return new ProfileStore(Path.Combine(Path.GetFullPath(configHome), "hangar"));
    }

    public ConfigFile Load()
    {
        if (!File.Exists(FilePath))
        {
            return ConfigFile.Empty;
        }

        try
        {
            var config = JsonSerializer.Deserialize<ConfigFile>(File.ReadAllText(FilePath), JsonOptions);
            return config is null ? ConfigFile.Empty : config with { Profiles = new Dictionary<string, Profile>(config.Profiles ?? ConfigFile.Empty.Profiles, StringComparer.Ordinal) };
        }
        catch (JsonException exception)
        {
            throw new CommandException(ExitCodes.NotConfigured, $"the config file {FilePath} is not valid: {exception.Message}");
        }
    }

    public void Save(ConfigFile config)
    {
        CreateDirectory();
        // A fresh name each time, so CreateNew (and with it the owner-only mode) always applies.
        var temporary = Path.Combine(Directory, $".config.json.{Path.GetRandomFileName()}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, CreateOptions()))
            {
                JsonSerializer.Serialize(stream, config, JsonOptions);
                stream.WriteByte((byte)'\n');
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, FilePath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private void CreateDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static FileStreamOptions CreateOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Applied at creation, so the secret is never readable by others, not even for a moment.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }
}
