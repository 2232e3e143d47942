using System.CommandLine;
using System.Text.Json;
using Hangar.Cli.Output;
using Hangar.Client;
using Hangar.Contracts.Events;

namespace Hangar.Cli.Commands;

/// <summary>
/// Follows the event stream. A dropped connection is resumed from the last event printed (Last-Event-ID), or before
/// the first one from the position the stream announced when it opened, so the output has no gaps or repeats across
/// reconnects.
/// </summary>
internal sealed class EventsTailCommand : Command
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    private readonly Option<string?> _search = new("--search")
    {
        Description = "Filter, e.g. \"type:'device.connected'\"; fields: type, resource_type, resource_id, actor_type, actor_id, time.",
        HelpName = "query",
    };

    private readonly Option<Guid?> _after = new("--after")
    {
        Description = "Start after this event id instead of now (e.g. the last id a previous tail printed).",
        HelpName = "event-id",
    };

    private readonly Option<int?> _count = new("--count") { Description = "Stop after this many events.", HelpName = "n" };

    public EventsTailCommand(CliContext cli)
        : base("tail", "Print events as they happen, until interrupted (Ctrl+C) or --count is reached. With -o json: one JSON object per line.")
    {
        Add(_search);
        Add(_after);
        Add(_count);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var last = parseResult.GetValue(_after);
            var remaining = parseResult.GetValue(_count) ?? int.MaxValue;
            while (remaining > 0)
            {
                try
                {
                    await foreach (var evt in session.Client.Events.StreamAsync(parseResult.GetValue(_search), last, position => last = position, ct))
                    {
                        Print(session.Output, evt);
                        last = evt.Id;
                        if (--remaining == 0)
                        {
                            break;
                        }
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or IOException && !ct.IsCancellationRequested)
                {
                    session.Output.Note($"stream interrupted ({exception.Message}); resuming after {last?.ToString() ?? "now"}");
                    await Task.Delay(ReconnectDelay, cli.Time, ct);
                }
            }

            return ExitCodes.Success;
        }, cancellationToken));
    }

    private static void Print(CommandOutput output, EventResponse evt)
    {
        if (output.Format == OutputFormat.Json)
        {
            output.Stdout.WriteLine(JsonSerializer.Serialize(evt, ApiTransport.JsonOptions));
        }
        else
        {
            output.Stdout.WriteLine(EventLine.Format(evt));
        }

        output.Stdout.Flush();
    }
}
