using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Client;
using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;

namespace Hangar.Cli.Commands;

internal sealed class DevicesImportCommand : Command
{
    private readonly Option<string> _csv = new("--csv")
    {
        Description = "CSV file with the columns identifier, description, tags, product, cohort, certificates, target (a header row is optional).",
        HelpName = "file",
        Required = true,
    };

    public DevicesImportCommand(CliContext cli)
        : base("import", "Import devices (and their certificates) from a CSV file, all or nothing: any bad row imports nothing, and every problem is listed by row and field.")
    {
        Add(_csv);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var csv = LocalFiles.ReadText(parseResult.GetRequiredValue(_csv), "--csv");
            try
            {
                session.Output.Item(await session.Client.Devices.ImportAsync(new ImportDevicesRequest(csv), ct), Views.ImportResult);
                return ExitCodes.Success;
            }
            catch (HangarApiException exception) when (exception.Code == ErrorCodes.ImportFailed)
            {
                return ErrorReporter.ImportFailed(exception, session.Output.Stderr);
            }
        }, cancellationToken));
    }
}
