using System.CommandLine;
using Hangar.Contracts.Devices;

namespace Hangar.Cli.Commands;

/// <summary>The <c>--jitp-*</c> options of <c>ca-certificates create</c> and <c>update</c>: what a device provisioned under the CA gets.</summary>
internal sealed class JitpOptions
{
    private readonly Option<string?> _product = new("--jitp-product")
    {
        Description = "Turn on just-in-time provisioning: devices first seen with a certificate from this CA are created in this product (id, HRN or name).",
        HelpName = "product",
    };

    private readonly Option<string?> _cohort = new("--jitp-cohort")
    {
        Description = "JITP: the cohort (of the JITP product) for provisioned devices: id, HRN or name.",
        HelpName = "cohort",
    };

    private readonly Option<string?> _tags = TagsOption.Create("--jitp-tags", "JITP: tags for provisioned devices");

    private readonly Option<string?> _target = new("--jitp-target")
    {
        Description = "JITP: target triplet for provisioned devices.",
        HelpName = "target",
    };

    private readonly Option<string?> _description = new("--jitp-description")
    {
        Description = "JITP: description for provisioned devices.",
        HelpName = "text",
    };

    public JitpOptions(Command command)
    {
        command.Add(_product);
        command.Add(_cohort);
        command.Add(_tags);
        command.Add(_target);
        command.Add(_description);
    }

    /// <summary>The JITP settings, or null when no <c>--jitp-*</c> option was given.</summary>
    public JitpRequest? Read(ParseResult parseResult)
    {
        var tags = TagsOption.Read(parseResult, _tags);
        var (cohort, target, description) = (parseResult.GetValue(_cohort), parseResult.GetValue(_target), parseResult.GetValue(_description));
        if (parseResult.GetValue(_product) is { } product)
        {
            return new JitpRequest(product, cohort, tags, target, description);
        }

        return tags is null && cohort is null && target is null && description is null
            ? null
            : throw new CommandException(ExitCodes.UsageError, "--jitp-product is required with the other --jitp options (the settings are replaced as a whole).");
    }
}
