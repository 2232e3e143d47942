using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Hangar.Cli.Commands;

/// <summary>Options shared by the <c>hangar x509</c> commands.</summary>
internal static class X509Options
{
    public const int MaxDays = 36_500;

    public static Option<string> OutputDirectory(string files) => new("--out")
    {
        Description = $"Directory to write {files} into (created if missing).",
        HelpName = "dir",
        Required = true,
    };

    public static Option<int> Days(int defaultDays) => new("--days")
    {
        Description = $"Days the certificate is valid, 1 to {MaxDays} (default {defaultDays}; never beyond the CA's own expiry).",
        HelpName = "n",
        DefaultValueFactory = _ => defaultDays,
        CustomParser = ParseDays,
    };

    public static Option<string> CaCertificate() => new("--ca-cert")
    {
        Description = "The CA certificate (PEM), e.g. ca.crt from 'hangar x509 ca create'.",
        HelpName = "file",
        Required = true,
    };

    public static Option<string> CaKey() => new("--ca-key")
    {
        Description = "The CA's private key (unencrypted PEM, PKCS#8 or SEC1/PKCS#1), e.g. ca.key.",
        HelpName = "file",
        Required = true,
    };

    private static int ParseDays(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= MaxDays)
        {
            return days;
        }

        result.AddError($"--days must be a whole number from 1 to {MaxDays}, not '{text}'.");
        return 0;
    }
}
