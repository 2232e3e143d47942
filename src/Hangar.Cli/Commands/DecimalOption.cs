using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Hangar.Cli.Commands;

/// <summary>An option taking a decimal number written with a '.', whatever the machine's locale.</summary>
internal static class DecimalOption
{
    public static Option<decimal?> Create(string name, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = Parse,
    };

    private static decimal? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"'{text}' is not a number; write e.g. 0.25 or 100.");
        return null;
    }
}
