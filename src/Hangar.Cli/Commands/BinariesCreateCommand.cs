using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Hangar.Cli.Firmware;
using Hangar.Cli.Output;
using Hangar.Contracts.Firmware;

namespace Hangar.Cli.Commands;

internal sealed class BinariesCreateCommand : Command
{
    public const long DefaultPartSize = 8L * 1024 * 1024;
    public const int MaxConcurrency = 16;

    private readonly Option<string> _version = new("--artifact-version") { Description = "The artifact version: its id, HRN or version string (several artifacts with that version: use the id).", HelpName = "version", Required = true };

    private readonly Option<string> _target = new("--target") { Description = "The target triple, e.g. aarch64-unknown-linux-gnu.", HelpName = "triple", Required = true };

    private readonly Option<FileInfo> _file = new("--file") { Description = "The content to upload.", HelpName = "path", Required = true };

    private readonly Option<string?> _sign = new("--sign") { Description = "Sign the verified binary here with a key pair remembered by 'signing-keys create --generate'.", HelpName = "key-name" };

    private readonly Option<int> _concurrency = new("--concurrency")
    {
        Description = $"Parts uploaded at once, 1 to {MaxConcurrency} (default: 4).",
        HelpName = "n",
        DefaultValueFactory = _ => 4,
        CustomParser = result => (int)ParseRange(result, 1, MaxConcurrency),
    };

    private readonly Option<long> _partSize = new("--part-size")
    {
        Description = $"Bytes per part (default {DefaultPartSize}); the server's minimum applies to every part but the last. Keep it when resuming.",
        HelpName = "bytes",
        DefaultValueFactory = _ => DefaultPartSize,
        CustomParser = result => ParseRange(result, 1, 1L << 30),
    };

    private readonly Option<int> _hashTimeout = new("--hash-timeout")
    {
        Description = "Seconds to wait for the server to verify the upload (default 600).",
        HelpName = "seconds",
        DefaultValueFactory = _ => 600,
        CustomParser = result => (int)ParseRange(result, 1, 86_400),
    };

    private readonly Option<string?> _description = new("--description") { Description = "Up to 256 characters.", HelpName = "text" };

    public BinariesCreateCommand(CliContext cli)
        : base("create", "Upload a file as the binary of an artifact version for a target: declare, upload parts (resuming a partial upload " +
            "when run again), verify, optionally sign, then print the binary.")
    {
        Add(_version);
        Add(_target);
        Add(_file);
        Add(_sign);
        Add(_concurrency);
        Add(_partSize);
        Add(_hashTimeout);
        Add(_description);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var file = parseResult.GetRequiredValue(_file);
            if (!file.Exists)
            {
                throw new CommandException(ExitCodes.UsageError, $"{file.FullName} does not exist.");
            }

            // Open the key first: a missing key should fail before minutes of uploading, not after.
            var signing = parseResult.GetValue(_sign) is { } name ? RememberedSigningKeys.Open(cli.Connections.Store, session.Connection.ProfileName, name) : default;
            using var key = signing.Key;
            var uploader = new BinaryUploader(session.Client, new TransferProgress(session.Output.Stderr, session.Output.IsTerminal), session.Output.Stderr, cli.Time);
            var request = new BinaryUploader.Request(
                parseResult.GetRequiredValue(_version), parseResult.GetRequiredValue(_target), file.FullName, parseResult.GetValue(_partSize),
                parseResult.GetValue(_concurrency), parseResult.GetValue(_description), TimeSpan.FromSeconds(parseResult.GetValue(_hashTimeout)));
            var binary = await uploader.UploadAsync(request, ct);
            if (key is not null)
            {
                var signatures = await session.Client.BinarySignatures.ListAsync(new Client.ListOptions(Limit: 100, Search: $"binary_id:'{binary.Id}'"), ct);
                if (!signatures.Data.Any(s => s.KeyId == signing.Pair.KeyId))
                {
                    await session.Client.BinarySignatures.CreateAsync(
                        new CreateBinarySignatureRequest(binary.Id.ToString(), signing.Pair.KeyId, LocalSigningKey.SignDigest(key, binary.Sha256)), cancellationToken: ct);
                }

                binary = await session.Client.Binaries.GetAsync(binary.Id.ToString(), ct);
            }

            session.Output.Item(binary, FirmwareViews.Binary);
            return ExitCodes.Success;
        }, cancellationToken));
    }

    private static long ParseRange(ArgumentResult result, long min, long max)
    {
        var text = result.Tokens.Single().Value;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError($"--{result.Argument.Name.TrimStart('-')} must be a whole number from {min} to {max}, not '{text}'.");
        return min;
    }
}
