using System.CommandLine;
using Hangar.Cli.Firmware;
using Hangar.Cli.Output;
using Hangar.Contracts.Firmware;

namespace Hangar.Cli.Commands;

internal sealed class BinarySignaturesCreateCommand : Command
{
    private readonly Option<string> _binary = new("--binary") { Description = "The binary's id or HRN (signable or signed).", HelpName = "id", Required = true };

    private readonly Option<string?> _signingKey = new("--signing-key") { Description = "With --signature: the signing key's id, HRN, name or key id.", HelpName = "key" };

    private readonly Option<string?> _signature = new("--signature")
    {
        Description = "An Ed25519 signature of the binary's raw 32-byte SHA-256 digest, as 128 hex digits or base64.",
        HelpName = "signature",
    };

    private readonly Option<string?> _sign = new("--sign") { Description = "Sign here with a key pair remembered by 'signing-keys create --generate'.", HelpName = "key-name" };

    private readonly Option<string?> _idempotencyKey = IdempotencyKeyOption.Create();

    public BinarySignaturesCreateCommand(CliContext cli)
        : base("create", "Attach a signature to a binary: one made elsewhere (--signing-key and --signature) or made here (--sign).")
    {
        Add(_binary);
        Add(_signingKey);
        Add(_signature);
        Add(_sign);
        Add(_idempotencyKey);
        Validators.Add(result =>
        {
            var external = result.GetValue(_signature) is not null && result.GetValue(_signingKey) is not null;
            if (external == (result.GetValue(_sign) is not null))
            {
                result.AddError("give either --sign KEY-NAME, or --signing-key and --signature.");
            }
        });
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var binaryId = parseResult.GetRequiredValue(_binary);
            CreateBinarySignatureRequest request;
            if (parseResult.GetValue(_sign) is { } name)
            {
                var binary = await session.Client.Binaries.GetAsync(binaryId, ct);
                var (pair, key) = RememberedSigningKeys.Open(cli.Connections.Store, session.Connection.ProfileName, name);
                using (key)
                {
                    request = new CreateBinarySignatureRequest(binary.Id.ToString(), pair.KeyId, LocalSigningKey.SignDigest(key, binary.Sha256));
                }
            }
            else
            {
                request = new CreateBinarySignatureRequest(binaryId, parseResult.GetValue(_signingKey)!, parseResult.GetValue(_signature)!);
            }

            var created = await session.Client.BinarySignatures.CreateAsync(request, IdempotencyKeyOption.Read(parseResult, _idempotencyKey, cli.Time), ct);
            session.Output.Item(created, FirmwareViews.BinarySignature);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
