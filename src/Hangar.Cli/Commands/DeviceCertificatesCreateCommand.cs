using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Devices;

namespace Hangar.Cli.Commands;

internal sealed class DeviceCertificatesCreateCommand : Command
{
    private readonly Option<string> _device = new("--device")
    {
        Description = "The device the certificate belongs to: its id, HRN or identifier.",
        HelpName = "id",
        Required = true,
    };

    private readonly Option<string> _certificate = new("--cert")
    {
        Description = "The certificate file: one PEM CERTIFICATE block, not a CA, unexpired, CN = the device identifier (e.g. device.crt from 'hangar x509 device create').",
        HelpName = "file",
        Required = true,
    };

    private readonly Option<string?> _idempotencyKey = IdempotencyKeyOption.Create();

    public DeviceCertificatesCreateCommand(CliContext cli)
        : base("create", "Register a certificate for a device; a device may have several (rotation). Never send the private key.")
    {
        Add(_device);
        Add(_certificate);
        Add(_idempotencyKey);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var pem = LocalFiles.ReadText(parseResult.GetRequiredValue(_certificate), "--cert");
            var request = new CreateDeviceCertificateRequest(parseResult.GetRequiredValue(_device), pem);
            var created = await session.Client.DeviceCertificates.CreateAsync(request, IdempotencyKeyOption.Read(parseResult, _idempotencyKey, cli.Time), ct);
            session.Output.Item(created, Views.DeviceCertificate);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
