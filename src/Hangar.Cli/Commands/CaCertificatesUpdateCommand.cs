using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Devices;

namespace Hangar.Cli.Commands;

internal sealed class CaCertificatesUpdateCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("CA certificate");

    private readonly Option<string?> _description = new("--description")
    {
        Description = "New description (up to 256 characters); '' clears it.",
        HelpName = "text",
    };

    private readonly Option<bool?> _enabled = new("--enabled")
    {
        Description = "false disables the CA (it provisions no new devices; existing certificates keep working), true enables it again.",
        HelpName = "true|false",
    };

    private readonly JitpOptions _jitp;

    private readonly Option<bool> _disableJitp = new("--disable-jitp")
    {
        Description = "Turn just-in-time provisioning off for this CA.",
    };

    public CaCertificatesUpdateCommand(CliContext cli)
        : base("update", "Change a CA's description, enable or disable it, or replace (--jitp-*) or turn off (--disable-jitp) its JITP settings.")
    {
        Add(_id);
        Add(_description);
        Add(_enabled);
        _jitp = new JitpOptions(this);
        Add(_disableJitp);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var jitp = _jitp.Read(parseResult);
            var disableJitp = parseResult.GetValue(_disableJitp);
            if (jitp is not null && disableJitp)
            {
                throw new CommandException(ExitCodes.UsageError, "--disable-jitp cannot be combined with --jitp-* options.");
            }

            var request = new UpdateCaCertificateRequest(parseResult.GetValue(_description), parseResult.GetValue(_enabled), jitp, disableJitp ? true : null);
            session.Output.Item(await session.Client.CaCertificates.UpdateAsync(parseResult.GetRequiredValue(_id), request, ct), Views.CaCertificate);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
