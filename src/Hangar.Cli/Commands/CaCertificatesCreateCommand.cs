using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Devices;

namespace Hangar.Cli.Commands;

internal sealed class CaCertificatesCreateCommand : Command
{
    private readonly Option<string> _certificate = new("--cert")
    {
        Description = "The CA certificate file (one PEM block), e.g. ca.crt.",
        HelpName = "file",
        Required = true,
    };

    private readonly Option<string> _verificationCertificate = new("--verification-cert")
    {
        Description = "The verification certificate file: CN = an unused verification code, signed by the CA's key (from 'hangar x509 verification-cert').",
        HelpName = "file",
        Required = true,
    };

    private readonly Option<string?> _chain = new("--chain")
    {
        Description = "For an intermediate CA: a PEM file with its issuers up to and including the self-signed root.",
        HelpName = "file",
    };

    private readonly Option<string?> _description = new("--description")
    {
        Description = "What the CA is for (up to 256 characters).",
        HelpName = "text",
    };

    private readonly JitpOptions _jitp;

    private readonly Option<string?> _idempotencyKey = IdempotencyKeyOption.Create();

    public CaCertificatesCreateCommand(CliContext cli)
        : base("create", "Register a CA certificate by proof of possession of its key, optionally with just-in-time provisioning (--jitp-*). The code is used up only if registration succeeds.")
    {
        Add(_certificate);
        Add(_verificationCertificate);
        Add(_chain);
        Add(_description);
        _jitp = new JitpOptions(this);
        Add(_idempotencyKey);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var jitp = _jitp.Read(parseResult);
            var request = new CreateCaCertificateRequest(
                LocalFiles.ReadText(parseResult.GetRequiredValue(_certificate), "--cert"),
                LocalFiles.ReadText(parseResult.GetRequiredValue(_verificationCertificate), "--verification-cert"),
                parseResult.GetValue(_chain) is { } chain ? LocalFiles.ReadText(chain, "--chain") : null,
                parseResult.GetValue(_description),
                jitp);
            var created = await session.Client.CaCertificates.CreateAsync(request, IdempotencyKeyOption.Read(parseResult, _idempotencyKey, cli.Time), ct);
            session.Output.Item(created, Views.CaCertificate);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
