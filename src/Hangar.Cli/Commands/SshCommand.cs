using System.CommandLine;
using System.Diagnostics;
using Hangar.Cli.Tunnels;
using Hangar.Contracts.Tunnels;

namespace Hangar.Cli.Commands;

internal sealed class SshCommand : Command
{
    private readonly Argument<string> _device = IdArgument.Create("device");
    private readonly Argument<string[]> _sshArguments = new("ssh-arguments")
    {
        Description = "Passed to ssh after the host (after --): options such as -i key, then a remote command.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<int> _port = new("--port") { Description = "The device's SSH port (default 22).", DefaultValueFactory = _ => 22, HelpName = "port" };
    private readonly Option<string?> _user = new("--user", "-l") { Description = "The user to log in as on the device.", HelpName = "user" };
    private readonly Option<int?> _ttl = TtlOption.Create("How long the tunnel lives (default: the server's, 1h); it is closed when ssh exits.");

    public SshCommand(CliContext cli)
        : base("ssh", "SSH to a device through a tunnel: opens one, runs ssh with this CLI as its ProxyCommand, and closes it when ssh exits (exit code: ssh's).")
    {
        Add(_device);
        Add(_sshArguments);
        Add(_port);
        Add(_user);
        Add(_ttl);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var device = parseResult.GetRequiredValue(_device);
            var created = await session.Client.Tunnels.CreateAsync(new CreateTunnelRequest(device, parseResult.GetValue(_port), parseResult.GetValue(_ttl)), ct);
            try
            {
                var tunnel = await TunnelWait.UntilOpenAsync(session.Client, created.Tunnel, ct);
                using var ssh = Process.Start(SshStart(session.Connection.Url, tunnel.Id, created.Token, device, parseResult))
                    ?? throw new CommandException(ExitCodes.UnexpectedError, "Could not start ssh.");
                await ssh.WaitForExitAsync(ct);
                return ssh.ExitCode;
            }
            finally
            {
                await session.Client.Tunnels.CloseAsync(created.Tunnel.Id.ToString(), CancellationToken.None);
            }
        }, cancellationToken));
    }

    private ProcessStartInfo SshStart(Uri server, Guid tunnelId, string token, string device, ParseResult parseResult)
    {
        var start = new ProcessStartInfo("ssh") { UseShellExecute = false };
        // ssh runs the ProxyCommand through /bin/sh; the token goes by environment, never on a command line others can read.
        start.Environment[EnvironmentVariables.TunnelToken] = token;
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add($"ProxyCommand={SelfCommand()} --url {Quote(server.AbsoluteUri)} tunnels stdio {tunnelId}");
        start.ArgumentList.Add("-o");
        // Known hosts are kept per device, not per 127.0.0.1 port.
        start.ArgumentList.Add($"HostKeyAlias=hangar-{device}");
        if (parseResult.GetValue(_user) is { } user)
        {
            start.ArgumentList.Add("-l");
            start.ArgumentList.Add(user);
        }

        start.ArgumentList.Add(device);
        foreach (var argument in parseResult.GetValue(_sshArguments) ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>How to run this CLI again: its own executable, or <c>dotnet hangar.dll</c> when run that way.</summary>
    private static string SelfCommand()
    {
        var process = Environment.ProcessPath ?? "hangar";
        var entry = Environment.GetCommandLineArgs()[0];
        return Path.GetFileNameWithoutExtension(process) == "dotnet" && entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? $"{Quote(process)} {Quote(entry)}"
            : Quote(process);
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
