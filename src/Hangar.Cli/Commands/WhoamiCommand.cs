using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

/// <summary><c>hangar whoami</c>, also mounted as <c>hangar users me</c>.</summary>
internal sealed class WhoamiCommand : Command
{
    public WhoamiCommand(CliContext cli, string name)
        : base(name, "Show who the API key belongs to: user, organization, role and how the request was authenticated.")
    {
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.Users.MeAsync(ct), Views.CurrentUser);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
