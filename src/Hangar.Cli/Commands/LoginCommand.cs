using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Cli.Profiles;

namespace Hangar.Cli.Commands;

/// <summary>Checks a URL and API key against the server, then saves them as a profile.</summary>
internal sealed class LoginCommand : Command
{
    public LoginCommand(CliContext cli)
        : base("login", "Verify a server URL and API key, then save them as a profile (--profile, default 'default') in the config file.")
    {
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var me = await session.Client.Users.MeAsync(ct);
            var store = cli.Connections.Store;
            var config = store.Load();
            var profiles = new Dictionary<string, Profile>(config.Profiles, StringComparer.Ordinal)
            {
                [session.Connection.ProfileName] = new Profile(session.Connection.Url.OriginalString, session.Connection.ApiKey),
            };
            store.Save(config with { Version = ConfigFile.CurrentVersion, Profiles = profiles });

            if (session.Output.Format == OutputFormat.Json)
            {
                session.Output.Json(me);
            }
            else
            {
                session.Output.Stdout.WriteLine(
                    $"Logged in to {session.Connection.Url} as {me.Email} ({me.Name}), role {me.Role} in organization {me.OrganizationHrn}.");
            }

            session.Output.Note($"Saved profile '{session.Connection.ProfileName}' in {store.FilePath}.");
            if (session.Connection.Url.Scheme == Uri.UriSchemeHttp && !session.Connection.Url.IsLoopback)
            {
                session.Output.Note("warning: this profile sends its API key over plain http://; use https:// outside local development.");
            }

            return ExitCodes.Success;
        }, cancellationToken, connect: parseResult => Connect(cli, parseResult)));
    }

    // Login only takes what it is given: falling back to the profile it is about to overwrite would make no sense.
    private static Connection Connect(CliContext cli, ParseResult parseResult)
    {
        var url = parseResult.GetValue(cli.Options.Url) ?? EnvironmentVariables.Get(cli.Environment, EnvironmentVariables.Url)
            ?? throw new CommandException(ExitCodes.UsageError, $"login needs the server URL: pass --url (or set {EnvironmentVariables.Url}).");
        var apiKey = parseResult.GetValue(cli.Options.ApiKey) ?? EnvironmentVariables.Get(cli.Environment, EnvironmentVariables.ApiKey)
            ?? throw new CommandException(ExitCodes.UsageError, $"login needs an API key: pass --api-key (or set {EnvironmentVariables.ApiKey}).");
        return new Connection(cli.Connections.ProfileName(parseResult.GetValue(cli.Options.Profile)), ConnectionResolver.ParseUrl(url), apiKey);
    }
}
