using System.CommandLine;
using Hangar.Cli.Output;

namespace Hangar.Cli.Commands;

internal sealed class ApiKeysGetCommand : Command
{
    private readonly Argument<string> _id = IdArgument.Create("API key");

    public ApiKeysGetCommand(CliContext cli)
        : base("get", "Show one API key (without its secret).")
    {
        Add(_id);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            session.Output.Item(await session.Client.ApiKeys.GetAsync(parseResult.GetRequiredValue(_id), ct), Views.ApiKey);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
