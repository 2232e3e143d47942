using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Cli.Pki;

namespace Hangar.Cli.Commands;

internal sealed class X509VerificationCertCommand : Command
{
    public const string CertificateFile = "verification.crt";

    private readonly Option<string> _caCertificate = X509Options.CaCertificate();

    private readonly Option<string> _caKey = X509Options.CaKey();

    private readonly Option<string> _code = new("--code")
    {
        Description = "The verification code from 'hangar ca-certificates create-verification-code'.",
        HelpName = "code",
        Required = true,
    };

    private readonly Option<string> _out = X509Options.OutputDirectory(CertificateFile);

    private readonly Option<bool> _force = ForceOption.Create();

    public X509VerificationCertCommand(CliContext cli)
        : base("verification-cert", "Make the proof-of-possession certificate for CA registration: CN = the verification code, signed by the CA's key, valid one day. Its own key is not kept.")
    {
        Add(_caCertificate);
        Add(_caKey);
        Add(_code);
        Add(_out);
        Add(_force);
        SetAction(parseResult => cli.Run(parseResult, output =>
        {
            var code = parseResult.GetRequiredValue(_code).Trim();
            if (code.Length == 0)
            {
                throw new CommandException(ExitCodes.UsageError, "--code must not be empty.");
            }

            using var ca = DevelopmentPki.LoadCa(parseResult.GetRequiredValue(_caCertificate), parseResult.GetRequiredValue(_caKey));
            var verification = DevelopmentPki.CreateVerificationCertificate(ca, code, cli.Time);
            var path = Path.Combine(parseResult.GetRequiredValue(_out), CertificateFile);
            LocalFiles.WriteAll([new LocalFile(path, verification.CertificatePem, Secret: false)], parseResult.GetValue(_force));
            output.Item(WrittenCertificate.Of(verification.Certificate, path, null), Views.WrittenCertificate);
            return ExitCodes.Success;
        }));
    }
}
