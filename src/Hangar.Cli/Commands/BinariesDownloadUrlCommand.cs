using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class BinariesDownloadUrlCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("binary");

    public BinariesDownloadUrlCommand(CliContext cli)
        : base("download-url", "Get a short-lived signed URL that downloads the binary without an API key (supports Range).")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.Binaries.GetDownloadUrlAsync(parseResult.GetRequiredValue(_id), ct), FirmwareViews.DownloadUrl);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
