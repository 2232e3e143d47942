using System.CommandLine;
using Hangar.Cli.Firmware;

namespace Hangar.Cli.Commands;

internal sealed class BinariesDownloadCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("binary");

    private readonly Option<FileInfo> _out = new("--out") { Description = "Where to write the content. A partial FILE.part from an interrupted run is resumed.", HelpName = "file", Required = true };

    public BinariesDownloadCommand(CliContext cli)
        : base("download", "Download a binary's content, resuming an interrupted download with a Range request, and check its SHA-256.")
    {
        Add(_id);
        Add(_out);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var binary = await session.Client.Binaries.GetAsync(parseResult.GetRequiredValue(_id), ct);
            var downloader = new BinaryDownloader(session.Client, new TransferProgress(session.Output.Stderr, session.Output.IsTerminal));
            var path = parseResult.GetRequiredValue(_out).FullName;
            await downloader.DownloadAsync(binary, path, ct);
            session.Output.Note($"Wrote {binary.Size} bytes to {path} (sha256 {binary.Sha256}).");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
