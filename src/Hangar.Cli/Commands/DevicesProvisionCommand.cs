using System.CommandLine;
using Hangar.Cli.Output;
using Hangar.Cli.Pki;
using Hangar.Cli.Provisioning;
using Hangar.Client;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Firmware;

namespace Hangar.Cli.Commands;

/// <summary>
/// Everything a new device (or a simulated one) needs to start its agent in one command: a key and a certificate
/// signed by a local CA, the server CA to pin, and an agent configuration that trusts the organization's signing keys.
/// </summary>
internal sealed class DevicesProvisionCommand : Command
{
    private const int MaxIdentifierLength = 128;

    private readonly Argument<string> _identifier = new("identifier")
    {
        Description = $"The device identifier and CN of its certificate: 1 to {MaxIdentifierLength} letters, digits and . - _ : @.",
    };

    private readonly Option<string> _ca = new("--ca")
    {
        Description = "The CA that signs the device certificate: the directory 'hangar x509 ca create --out' wrote (ca.crt and ca.key).",
        HelpName = "dir",
        Required = true,
    };

    private readonly Option<string> _out = X509Options.OutputDirectory(
        $"{ProvisionFiles.Config}, {ProvisionFiles.Certificate}, {ProvisionFiles.Key} and {ProvisionFiles.ServerCa}");

    private readonly Option<string?> _serverUrl = new("--server-url")
    {
        Description = "The device API address the agent connects to (https://). Default: the server's device_url (Firmware:PublicDeviceUrl, or its device listener named by its host name; see 'hangar server info').",
        HelpName = "url",
    };

    private readonly Option<string[]> _signingKeys = new("--signing-key")
    {
        Description = "A signing key the device trusts (id, HRN, name or key id); repeat for several. Default: every signing key of the organization.",
        HelpName = "key",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<int> _threshold = new("--threshold")
    {
        Description = "How many distinct trusted keys must have signed a binary.",
        HelpName = "n",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<string?> _targets = TagsOption.Create("--targets", "Binary targets this device installs (default portable)");

    private readonly Option<string?> _release = new("--release") { Description = "Factory software: the release the device's image came from (id, HRN or name).", HelpName = "release" };

    private readonly Option<string?> _bundle = new("--bundle") { Description = "Factory software: the bundle of the device's image (id, HRN or name).", HelpName = "bundle" };

    private readonly Option<string?> _releaseVersion = new("--release-version")
    {
        Description = "Factory software: the semantic version of the device's image, matched against releases' version requirements.",
        HelpName = "semver",
    };

    private readonly Option<bool> _simulatedSlots = new("--simulated-slots")
    {
        Description = "Simulated A/B slots (two directories under --out) and the slot installer, for trying Hangar without a real device.",
    };

    private readonly AgentTrialOptions _trial = new();

    private readonly Option<bool> _register = new("--register")
    {
        Description = "Create the device and register its certificate now (needs --product), instead of relying on the CA's just-in-time provisioning.",
    };

    private readonly Option<string?> _product = new("--product") { Description = "With --register: the device's product (id, HRN or name).", HelpName = "product" };

    private readonly Option<string?> _cohort = new("--cohort") { Description = "With --register: the device's cohort (id, HRN or name).", HelpName = "cohort" };

    private readonly Option<string?> _tags = TagsOption.Create("--tags", "With --register: the device's tags");

    private readonly Option<int> _days = X509Options.Days(365);

    private readonly Option<bool> _force = ForceOption.Create();

    public DevicesProvisionCommand(CliContext cli)
        : base("provision", "Write a ready agent configuration, a device key and certificate, and the server CA, so a device can start in one command.")
    {
        Add(_identifier);
        Add(_ca);
        Add(_out);
        Add(_serverUrl);
        Add(_signingKeys);
        Add(_threshold);
        Add(_targets);
        Add(_release);
        Add(_bundle);
        Add(_releaseVersion);
        Add(_simulatedSlots);
        _trial.AddTo(this);
        Add(_register);
        Add(_product);
        Add(_cohort);
        Add(_tags);
        Add(_days);
        Add(_force);
        SetAction((parseResult, cancellationToken) => cli.RunAsync(parseResult, async (session, ct) =>
        {
            var identifier = parseResult.GetRequiredValue(_identifier);
            var settings = ReadSettings(parseResult, identifier);
            var directory = parseResult.GetRequiredValue(_out);
            var paths = new[] { ProvisionFiles.Config, ProvisionFiles.Certificate, ProvisionFiles.Key, ProvisionFiles.ServerCa }.Select(f => Path.Combine(directory, f)).ToArray();
            if (!parseResult.GetValue(_force) && paths.Where(File.Exists).ToList() is { Count: > 0 } existing)
            {
                // Checked before the server is asked for anything, so a refused run changes nothing there either.
                throw new CommandException(ExitCodes.Conflict, $"{string.Join(", ", existing)} already exist; nothing was done. Pass --force to replace.");
            }

            var caDirectory = parseResult.GetRequiredValue(_ca);
            using var ca = DevelopmentPki.LoadCa(Path.Combine(caDirectory, "ca.crt"), Path.Combine(caDirectory, "ca.key"));
            var device = DevelopmentPki.CreateDevice(ca, identifier, parseResult.GetValue(_days), cli.Time);
            var serverCa = await session.Client.CaCertificates.ServerCaCertificateAsync(ct);
            if (settings.ServerUrl.Length == 0)
            {
                var advertised = (await session.Client.CaCertificates.ServerInfoAsync(ct)).DeviceUrl;
                settings = IsDeviceUrl(advertised) ? settings with { ServerUrl = advertised }
                    : throw new CommandException(ExitCodes.UsageError, $"the server's device_url '{advertised}' is not an https:// address; pass --server-url.");
            }

            var trusted = await TrustedKeysAsync(session.Client, parseResult.GetValue(_signingKeys) ?? [], ct);
            settings = settings with { TrustedKeys = trusted };
            if (settings.Threshold > trusted.Count)
            {
                throw new CommandException(ExitCodes.UsageError, $"--threshold {settings.Threshold} is more than the {trusted.Count} trusted signing keys.");
            }

            // The agent names its factory software by id in its headers; a name is resolved (and a typo refused) here,
            // before anything is registered.
            settings = settings with
            {
                FactoryRelease = settings.FactoryRelease is { } release ? (await session.Client.Releases.GetAsync(release, ct)).Id.ToString("D") : null,
                FactoryBundle = settings.FactoryBundle is { } bundle ? (await session.Client.Bundles.GetAsync(bundle, ct)).Id.ToString("D") : null,
            };
            var registered = parseResult.GetValue(_register) ? await RegisterAsync(session.Client, parseResult, identifier, device.CertificatePem, ct) : (Guid?)null;
            LocalFiles.WriteAll(
            [
                new LocalFile(paths[2], device.PrivateKeyPem, Secret: true),
                new LocalFile(paths[1], device.CertificatePem, Secret: false),
                new LocalFile(paths[3], serverCa, Secret: false),
                new LocalFile(paths[0], AgentConfigDocument.Create(settings), Secret: false),
            ], force: true);
            session.Output.Item(new ProvisionedDevice(identifier, registered, Path.GetFullPath(paths[0]), Path.GetFullPath(paths[1]), Path.GetFullPath(paths[2]),
                Path.GetFullPath(paths[3]), settings.ServerUrl, trusted.Count, new DateTimeOffset(device.Certificate.NotAfter.ToUniversalTime())), ProvisionViews.ProvisionedDevice);
            return ExitCodes.Success;
        }, cancellationToken));
    }

    private static bool IsDeviceUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme == Uri.UriSchemeHttps && parsed.Query.Length == 0;

    private ProvisionSettings ReadSettings(ParseResult parseResult, string identifier)
    {
        if (identifier.Length is 0 or > MaxIdentifierLength || !identifier.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':' or '@'))
        {
            throw new CommandException(ExitCodes.UsageError, $"the identifier must be 1 to {MaxIdentifierLength} letters, digits and . - _ : @, not '{identifier}'.");
        }

        var url = parseResult.GetValue(_serverUrl);
        if (url is not null && !IsDeviceUrl(url))
        {
            throw new CommandException(ExitCodes.UsageError, $"--server-url must be an absolute https:// address without a query, not '{url}'.");
        }

        if (parseResult.GetValue(_threshold) < 1)
        {
            throw new CommandException(ExitCodes.UsageError, "--threshold must be at least 1.");
        }

        if (!parseResult.GetValue(_register) && (parseResult.GetValue(_product) ?? parseResult.GetValue(_cohort) ?? parseResult.GetValue(_tags)) is not null)
        {
            throw new CommandException(ExitCodes.UsageError, "--product, --cohort and --tags need --register (without it, the CA's just-in-time provisioning settings apply).");
        }

        if (parseResult.GetValue(_register) && parseResult.GetValue(_product) is null)
        {
            throw new CommandException(ExitCodes.UsageError, "--register needs --product.");
        }

        var targets = TagsOption.Read(parseResult, _targets) is { Count: > 0 } given ? given : ["portable"];
        return new ProvisionSettings(url ?? "", [], parseResult.GetValue(_threshold), targets,
            parseResult.GetValue(_release), parseResult.GetValue(_bundle), parseResult.GetValue(_releaseVersion), parseResult.GetValue(_simulatedSlots),
            _trial.Read(parseResult));
    }

    /// <summary>The raw base64 values of the chosen signing keys (all of the organization's when none is named).</summary>
    private static async Task<IReadOnlyList<string>> TrustedKeysAsync(HangarClient client, string[] names, CancellationToken cancellationToken)
    {
        var keys = new List<SigningKeyResponse>();
        string? page = null;
        do
        {
            var list = await client.SigningKeys.ListAsync(new ListOptions(Limit: 100, Page: page), cancellationToken);
            keys.AddRange(list.Data);
            page = list.NextPage;
        }
        while (page is not null);

        if (names.Length == 0)
        {
            return keys.Count > 0
                ? [.. keys.Select(k => k.Value)]
                : throw new CommandException(ExitCodes.NotConfigured, "the organization has no signing keys, so the device could trust no binary; create one with 'hangar signing-keys create'.");
        }

        return [.. names.Select(name => keys.FirstOrDefault(k => name == k.Id.ToString() || name == k.Hrn || name == k.Name || name == k.KeyId)?.Value
            ?? throw new CommandException(ExitCodes.NotFound, $"--signing-key '{name}' names no signing key of the organization."))];
    }

    /// <summary>Creates the device and registers its certificate; a failed registration deletes the device again.</summary>
    private async Task<Guid> RegisterAsync(HangarClient client, ParseResult parseResult, string identifier, string certificatePem, CancellationToken cancellationToken)
    {
        var device = await client.Devices.CreateAsync(new CreateDeviceRequest(identifier, parseResult.GetRequiredValue(_product)!,
            parseResult.GetValue(_cohort), Tags: TagsOption.Read(parseResult, _tags)), cancellationToken: cancellationToken);
        try
        {
            await client.DeviceCertificates.CreateAsync(new CreateDeviceCertificateRequest(device.Id.ToString(), certificatePem), cancellationToken: cancellationToken);
        }
        catch
        {
            await client.Devices.DeleteAsync(device.Id.ToString(), CancellationToken.None);
            throw;
        }

        return device.Id;
    }
}
