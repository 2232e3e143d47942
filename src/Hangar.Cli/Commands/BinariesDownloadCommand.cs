using System.CommandLine;
using Hangar.Cli.Firmware;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class BinariesDownloadCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("binary");

    private readonly Option<FileInfo> _out = new("--out") { Description = "Where to write the content. A partial FILE.part from an interrupted run is resumed.", HelpName = "file", Required = true };

    private readonly Option<bool> _force = ForceOption.Create();

    public BinariesDownloadCommand(CliContext cli)
        : base("download", "Download a binary's content, resuming an interrupted download with a Range request, and check its SHA-256.")
    {
        Add(_id);
        Add(_out);
        Add(_force);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var path = parseResult.GetRequiredValue(_out).FullName;
            if (File.Exists(path) && !parseResult.GetValue(_force))
            {
                // Checked before anything is downloaded, as the x509 commands do.
                throw new CommandException(ExitCodes.Conflict, $"{path} already exists; nothing was downloaded. Pass --force to replace it.");
            }

            var binary = await session.Client.Binaries.GetAsync(parseResult.GetRequiredValue(_id), ct);
            var downloader = new BinaryDownloader(session.Client, new TransferProgress(session.Output.Stderr, session.Output.IsTerminal));
            await downloader.DownloadAsync(binary, path, ct);
            session.Output.Note($"Wrote {Counted.Of(binary.Size, "byte")} to {path} (sha256 {binary.Sha256}).");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
