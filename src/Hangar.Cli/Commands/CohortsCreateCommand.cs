using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Contracts.Devices;

namespace Hangar.Cli.Commands;

internal sealed class CohortsCreateCommand : Command
{
    private readonly Option<string> _name = new("--name")
    {
        Description = "Name of the cohort, unique within its product (1 to 128 characters).",
        HelpName = "name",
        Required = true,
    };

    private readonly Option<string> _product = new("--product")
    {
        Description = "The product the cohort belongs to: its id, HRN or name.",
        HelpName = "product",
        Required = true,
    };

    private readonly Option<string?> _description = new("--description")
    {
        Description = "What the cohort is for (up to 256 characters).",
        HelpName = "text",
    };

    private readonly Option<string?> _idempotencyKey = IdempotencyKeyOption.Create();

    public CohortsCreateCommand(CliContext cli)
        : base("create", "Create a cohort: devices of one product that follow the same releases.")
    {
        Add(_name);
        Add(_product);
        Add(_description);
        Add(_idempotencyKey);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new CreateCohortRequest(parseResult.GetRequiredValue(_name), parseResult.GetRequiredValue(_product), parseResult.GetValue(_description));
            var created = await session.Client.Cohorts.CreateAsync(request, IdempotencyKeyOption.Read(parseResult, _idempotencyKey, cli.Time), ct);
            session.Output.Item(created, Views.Cohort);
            return ExitCodes.Success;
        }, cancellationToken));
    }
}
