using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class CaCertificatesCreateVerificationCodeCommand : Command
{
    public CaCertificatesCreateVerificationCodeCommand(CliContext cli)
        : base("create-verification-code", "Get a single-use, expiring code for CA registration: sign a certificate with CN = the code using the CA's key ('hangar x509 verification-cert').")
    {
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var code = await session.Client.CaCertificates.CreateVerificationCodeAsync(ct);
            session.Output.Item(code, Views.VerificationCode);
            session.Output.Note($"Next: hangar x509 verification-cert --ca-cert ca.crt --ca-key ca.key --code {code.VerificationCode} --out DIR");
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
