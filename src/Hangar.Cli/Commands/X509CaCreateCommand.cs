using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Cli.Pki;

namespace Hangar.Cli.Commands;

internal sealed class X509CaCreateCommand : Command
{
    public const string CertificateFile = "ca.crt";
    public const string KeyFile = "ca.key";

    private readonly Option<string> _out = X509Options.OutputDirectory($"{CertificateFile} and {KeyFile}");

    private readonly Option<string> _name = new("--name")
    {
        Description = "Common name (CN) of the CA.",
        HelpName = "cn",
        DefaultValueFactory = _ => "Hangar Development CA",
    };

    private readonly Option<int> _days = X509Options.Days(3650);

    private readonly Option<bool> _force = ForceOption.Create();

    public X509CaCreateCommand(CliContext cli)
        : base("create", "Create a development CA (ECDSA P-256 key and self-signed certificate with CA=true and keyCertSign) to sign device certificates. For production, keep the CA key offline.")
    {
        Add(_out);
        Add(_name);
        Add(_days);
        Add(_force);
        SetAction(parseResult => cli.Run(parseResult, output =>
        {
            var directory = parseResult.GetRequiredValue(_out);
            var ca = DevelopmentPki.CreateCa(parseResult.GetRequiredValue(_name), parseResult.GetValue(_days), cli.Time);
            var certificatePath = Path.Combine(directory, CertificateFile);
            var keyPath = Path.Combine(directory, KeyFile);
            LocalFiles.WriteAll([new LocalFile(keyPath, ca.PrivateKeyPem, Secret: true), new LocalFile(certificatePath, ca.CertificatePem, Secret: false)],
                parseResult.GetValue(_force));
            output.Item(WrittenCertificate.Of(ca.Certificate, certificatePath, keyPath), Views.WrittenCertificate);
            output.Note($"Next: register it with 'hangar ca-certificates create-verification-code', then 'hangar x509 verification-cert'.");
            return ExitCodes.Success;
        }));
    }
}
