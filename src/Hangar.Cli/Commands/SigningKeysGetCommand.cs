using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class SigningKeysGetCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("signing key");

    public SigningKeysGetCommand(CliContext cli)
        : base("get", "Show one signing key (id, resource name or key id).")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.SigningKeys.GetAsync(parseResult.GetRequiredValue(_id), ct), FirmwareViews.SigningKey);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
