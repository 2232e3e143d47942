using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Cli.Pki;

namespace Hangar.Cli.Commands;

internal sealed class X509DeviceCreateCommand : Command
{
    public const string CertificateFile = "device.crt";
    public const string KeyFile = "device.key";
    private const int MaxIdentifierLength = 128;

    private readonly Option<string> _caCertificate = X509Options.CaCertificate();

    private readonly Option<string> _caKey = X509Options.CaKey();

    private readonly Option<string> _identifier = new("--identifier")
    {
        Description = $"The device identifier, which becomes the certificate's CN: 1 to {MaxIdentifierLength} letters, digits and . - _ : @.",
        HelpName = "id",
        Required = true,
    };

    private readonly Option<string> _out = X509Options.OutputDirectory($"{CertificateFile} and {KeyFile}");

    private readonly Option<int> _days = X509Options.Days(365);

    private readonly Option<bool> _force = ForceOption.Create();

    public X509DeviceCreateCommand(CliContext cli)
        : base("create", "Create a device key pair (ECDSA P-256) and a client-authentication certificate for it, CN = the identifier, signed by the CA.")
    {
        Add(_caCertificate);
        Add(_caKey);
        Add(_identifier);
        Add(_out);
        Add(_days);
        Add(_force);
        SetAction(parseResult => cli.Run(parseResult, output =>
        {
            // The same rule as the server's, so a certificate that could never authenticate is not made at all.
            var identifier = parseResult.GetRequiredValue(_identifier);
            if (identifier.Length is 0 or > MaxIdentifierLength || !identifier.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':' or '@'))
            {
                throw new CommandException(ExitCodes.UsageError, $"--identifier must be 1 to {MaxIdentifierLength} letters, digits and . - _ : @, not '{identifier}'.");
            }

            using var ca = DevelopmentPki.LoadCa(parseResult.GetRequiredValue(_caCertificate), parseResult.GetRequiredValue(_caKey));
            var device = DevelopmentPki.CreateDevice(ca, identifier, parseResult.GetValue(_days), cli.Time);
            var directory = parseResult.GetRequiredValue(_out);
            var certificatePath = Path.Combine(directory, CertificateFile);
            var keyPath = Path.Combine(directory, KeyFile);
            LocalFiles.WriteAll([new LocalFile(keyPath, device.PrivateKeyPem, Secret: true), new LocalFile(certificatePath, device.CertificatePem, Secret: false)],
                parseResult.GetValue(_force));
            output.Item(WrittenCertificate.Of(device.Certificate, certificatePath, keyPath), Views.WrittenCertificate);
            return ExitCodes.Success;
        }));
    }
}
