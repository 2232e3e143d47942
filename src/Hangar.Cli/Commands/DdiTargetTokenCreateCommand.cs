using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class DdiTargetTokenCreateCommand : Command
{
    private readonly Argument<string> _device = IdArgument.Create("device");

    public DdiTargetTokenCreateCommand(CliContext cli)
        : base("create", "Create the device's hawkBit target token (its earlier one stops working). The token is printed once; put it in the client's configuration.")
    {
        Add(_device);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var created = await session.Client.Ddi.CreateTargetTokenAsync(parseResult.GetRequiredValue(_device), ct);
            if (session.Output.Format == OutputFormat.Json)
            {
                session.Output.Json(created);
            }

            session.Output.Secret("Target token", created.Token, Secrets.DdiTokenWarning);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
