using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class ServerInfoCommand : Command
{
    public ServerInfoCommand(CliContext cli)
        : base("info", "Show where devices connect: the device listener's address as the server advertises it (Firmware:PublicDeviceUrl, or its device listener named by its host name). 'devices provision' writes it into agent configurations.")
    {
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.CaCertificates.ServerInfoAsync(ct), ServerViews.ServerInfo);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
