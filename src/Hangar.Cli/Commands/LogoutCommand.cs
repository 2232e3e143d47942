using System.CommandLine;

namespace Hangar.Cli.Commands;

/// <summary>Forgets a saved profile. The API key itself stays valid until it is revoked.</summary>
internal sealed class LogoutCommand : Command
{
    public LogoutCommand(CliContext cli)
        : base("logout", "Remove a saved profile (--profile, default 'default') from the config file. The API key is not revoked.")
    {
        SetAction(parseResult => cli.Run(parseResult, output =>
        {
            var name = cli.Connections.ProfileName(parseResult.GetValue(cli.Options.Profile));
            var store = cli.Connections.Store;
            var config = store.Load();
            if (!config.Profiles.ContainsKey(name))
            {
                throw new CommandException(ExitCodes.NotFound, $"profile '{name}' does not exist in {store.FilePath}.");
            }

            var profiles = config.Profiles.Where(p => p.Key != name).ToDictionary(StringComparer.Ordinal);
            store.Save(config with { Profiles = profiles });
            output.Note($"Removed profile '{name}' from {store.FilePath}.");
            output.Note("The API key still works on the server; revoke it with 'hangar api-keys revoke ID' if it is no longer needed.");
            return ExitCodes.Success;
        }));
    }
}
