using System.CommandLine;

namespace Hangar.Cli.Commands;

internal sealed class DevicesDeleteCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("device");

    public DevicesDeleteCommand(CliContext cli)
        : base("delete", "Delete a device and its certificates; it can no longer authenticate.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var id = parseResult.GetRequiredValue(_id);
            await session.Client.Devices.DeleteAsync(id, ct);
            session.Output.Note($"Deleted device {id}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
