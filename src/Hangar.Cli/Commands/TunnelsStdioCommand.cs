using System.CommandLine;
using Hangar.Cli.Profiles;
using Hangar.Cli.Tunnels;

namespace Hangar.Cli.Commands;

internal sealed class TunnelsStdioCommand : Command
{
    private readonly Argument<Guid> _id = new("tunnel") { Description = "The tunnel's id." };

    public TunnelsStdioCommand(CliContext cli)
        : base("stdio", $"Carry one connection through an open tunnel on stdin/stdout, for ssh's ProxyCommand. Authenticates with ${EnvironmentVariables.TunnelToken} when set, else the API key.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) =>
        {
            var token = cli.Environment.GetValueOrDefault(EnvironmentVariables.TunnelToken);
            var url = parseResult.GetValue(cli.Options.Url) ?? cli.Environment.GetValueOrDefault(EnvironmentVariables.Url);
            // A token and a URL are enough: no API key, no profile (the connection then carries the token, for no HTTP call).
            Func<ParseResult, Connection>? tokenOnly = !string.IsNullOrEmpty(token) && Uri.TryCreate(url, UriKind.Absolute, out var server)
                ? _ => new Connection("", server, token)
                : null;
            return cli.RunAsync(parseResult, (session, ct) => RelayAsync(session.Connection.Url, parseResult.GetValue(_id), session.Connection.ApiKey, token, ct),
                cancellationToken, tokenOnly);
        });
    }

    private static async Task<int> RelayAsync(Uri server, Guid tunnelId, string? apiKey, string? token, CancellationToken cancellationToken)
    {
        using var socket = await TunnelSocket.ConnectAsync(server, tunnelId, apiKey, token, cancellationToken);
        await using var input = Console.OpenStandardInput();
        await using var output = Console.OpenStandardOutput();
        await StreamRelay.RunAsync(socket, input, output, () => output.Flush(), cancellationToken);
        return ExitCodes.Success;
    }
}
