using System.CommandLine;
using System.CommandLine.Parsing;
using Hangar.Cli.Output;
using Hangar.Contracts.Firmware;

namespace Hangar.Cli.Commands;

internal sealed class BundlesCreateCommand : Command
{
    private readonly Option<string?> _name = new("--name") { Description = "Up to 128 characters; the only thing about a bundle that can change later.", HelpName = "name" };

    private readonly Option<BundleEntryRequest[]> _binaries = new("--binary")
    {
        Description = "A signed binary's id or HRN, in bundle order; repeat for each (1 to 100). ID={json} adds entry metadata that overrides the inherited keys.",
        HelpName = "id[={json}]",
        Required = true,
        AllowMultipleArgumentsPerToken = false,
        CustomParser = ParseEntries,
    };

    private readonly Option<string?> _idempotencyKey = IdempotencyKeyOption.Create();

    public BundlesCreateCommand(CliContext cli)
        : base("create", "Create an immutable bundle from signed binaries, in the order given.")
    {
        Add(_name);
        Add(_binaries);
        Add(_idempotencyKey);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var request = new CreateBundleRequest(parseResult.GetRequiredValue(_binaries), parseResult.GetValue(_name));
            session.Output.Item(await session.Client.Bundles.CreateAsync(request, IdempotencyKeyOption.Read(parseResult, _idempotencyKey, cli.Time), ct), FirmwareViews.Bundle);
            return ExitCodes.Success;
        }, cancellationToken));
    }

    private static BundleEntryRequest[] ParseEntries(ArgumentResult result) => result.Tokens.Select(token =>
    {
        // Ids and HRNs never contain '=', so the first one separates the metadata.
        var split = token.Value.IndexOf('=', StringComparison.Ordinal);
        return split < 0
            ? new BundleEntryRequest(token.Value)
            : new BundleEntryRequest(token.Value[..split], CustomMetadataOption.Parse(result, token.Value[(split + 1)..]));
    }).ToArray();
}
