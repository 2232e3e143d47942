using System.CommandLine;
using Hangar.Cli.Firmware;
using Hangar.Cli.Output;
using Hangar.Cli.Profiles;
using Hangar.Contracts.Firmware;

namespace Hangar.Cli.Commands;

internal sealed class SigningKeysCreateCommand : Command
{
    private readonly Option<string> _name = new("--name") { Description = "Unique in the organization (1 to 100 characters); --sign uses it.", HelpName = "name", Required = true };

    private readonly Option<string?> _value = new("--value") { Description = "The public key: base64 of the raw 32 bytes.", HelpName = "base64" };

    private readonly Option<FileInfo?> _path = new("--path") { Description = "A PEM file with the public key (BEGIN PUBLIC KEY).", HelpName = "file" };

    private readonly Option<bool> _generate = new("--generate")
    {
        Description = "Generate an Ed25519 pair here, write it to --out, register the public half and remember the pair in the profile for --sign.",
    };

    private readonly Option<DirectoryInfo?> _out = new("--out") { Description = "With --generate: the directory for NAME.pem (private, mode 0600) and NAME.pub.pem.", HelpName = "dir" };

    private readonly Option<string?> _idempotencyKey = IdempotencyKeyOption.Create();

    public SigningKeysCreateCommand(CliContext cli)
        : base("create", "Register an Ed25519 public key, from --value, --path or --generate. The private key never leaves this machine.")
    {
        Add(_name);
        Add(_value);
        Add(_path);
        Add(_generate);
        Add(_out);
        Add(_idempotencyKey);
        Validators.Add(result =>
        {
            var sources = new[] { result.GetValue(_value) is not null, result.GetValue(_path) is not null, result.GetValue(_generate) }.Count(x => x);
            if (sources != 1)
            {
                result.AddError("give exactly one of --value, --path or --generate.");
            }
            else if (result.GetValue(_generate) != (result.GetValue(_out) is not null))
            {
                result.AddError("--out goes with --generate, and --generate needs --out.");
            }
        });
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var name = parseResult.GetRequiredValue(_name);
            var options = IdempotencyKeyOption.Read(parseResult, _idempotencyKey, cli.Time);
            if (!parseResult.GetValue(_generate))
            {
                var value = parseResult.GetValue(_value) ?? await File.ReadAllTextAsync(parseResult.GetRequiredValue(_path)!.FullName, ct);
                session.Output.Item(await session.Client.SigningKeys.CreateAsync(new CreateSigningKeyRequest(name, value), options, ct), FirmwareViews.SigningKey);
                return ExitCodes.Success;
            }

            using var key = LocalSigningKey.Generate();
            var privatePath = LocalSigningKey.Write(key, parseResult.GetRequiredValue(_out)!.FullName, name);
            var registered = await session.Client.SigningKeys.CreateAsync(new CreateSigningKeyRequest(name, LocalSigningKey.PublicKeyBase64(key)), options, ct);
            var store = cli.Connections.Store;
            store.Save(store.Load().WithSigningKey(session.Connection.ProfileName, name, new SigningKeyPair(privatePath, registered.Value, registered.KeyId, registered.Id)));
            session.Output.Item(registered, FirmwareViews.SigningKey);
            session.Output.Note($"Private key written to {privatePath} (mode 0600); remembered as '{name}' in profile '{session.Connection.ProfileName}' for --sign {name}.");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
