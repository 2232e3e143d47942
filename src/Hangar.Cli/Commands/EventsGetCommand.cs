using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class EventsGetCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("event");

    public EventsGetCommand(CliContext cli)
        : base("get", "Show one event with its data.")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.Events.GetAsync(parseResult.GetRequiredValue(_id), ct), Views.Event);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
