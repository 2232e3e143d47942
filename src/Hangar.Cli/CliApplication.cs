using System.CommandLine;
using System.CommandLine.Invocation;
using Hangar.Cli.Commands;
using Hangar.Cli.Output;

namespace Hangar.Cli;

/// <summary>
/// The <c>hangar</c> command tree and its entry point. Writers and environment are parameters, so tests run the
/// exact CLI in process.
/// </summary>
internal sealed class CliApplication(TimeProvider? time = null)
{
    private const string ExecutableName = "hangar";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<int> RunAsync(
        string[] args, TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?> environment,
        CancellationToken cancellationToken = default)
    {
        var isTerminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        var cli = new CliContext(stdout, stderr, environment, _time, isTerminal);
        var parseResult = BuildCommands(cli).Parse(args);
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            if (parseResult.Action is ParseErrorAction parseError)
            {
                // Everything about a usage error (typo suggestions included) goes to stderr, where a script won't
                // mistake it for data; a pointer to the help is shorter than the help itself.
                parseError.ShowHelp = false;
                await parseResult.InvokeAsync(new InvocationConfiguration { Output = stderr, Error = stderr }, cancellationToken);
                stderr.WriteLine($"Run '{CommandPath(parseResult.CommandResult.Command)} --help' for usage.");
                return ExitCodes.UsageError;
            }

            return await parseResult.InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: System.CommandLine cancelled the action's token. A create may or may not have happened.
            stderr.WriteLine("interrupted.");
            return ExitCodes.Interrupted;
        }
        catch (Exception exception)
        {
            return ErrorReporter.Unexpected(exception, stderr);
        }
    }

    /// <summary>The whole command tree; each leaf is one class under Commands/.</summary>
    public static RootCommand BuildCommands(CliContext cli)
    {
        var root = new RootCommand("hangar: manage a Hangar device fleet server (organizations, members, API keys, audit, products, devices and their certificates, firmware, releases, events, webhooks) from the command line.")
        {
            new LoginCommand(cli),
            new LogoutCommand(cli),
            new WhoamiCommand(cli, "whoami"),
            new Command("profiles", "Saved connection profiles in the config file.") { new ProfilesListCommand(cli) },
            new Command("orgs", "Organizations: the tenant boundary every resource belongs to.")
            {
                new OrgsListCommand(cli), new OrgsGetCommand(cli), new OrgsCreateCommand(cli), new OrgsUpdateCommand(cli),
            },
            new Command("users", "The calling user.") { new WhoamiCommand(cli, "me") },
            new Command("members", "Users of the organization and their roles.")
            {
                new MembersListCommand(cli), new MembersGetCommand(cli), new MembersAddCommand(cli),
                new MembersUpdateCommand(cli), new MembersRemoveCommand(cli),
            },
            new Command("api-keys", "API keys of the organization, for scripts and CI.")
            {
                new ApiKeysListCommand(cli), new ApiKeysGetCommand(cli), new ApiKeysCreateCommand(cli), new ApiKeysRevokeCommand(cli),
            },
            new Command("ddi", "hawkBit DDI clients (SWUpdate, RAUC, Zephyr): target tokens, gateway tokens, reported attributes.")
            {
                new DdiGetCommand(cli),
                new Command("target-token", "A device's target token: it proves that one device.") { new DdiTargetTokenCreateCommand(cli), new DdiTargetTokenRevokeCommand(cli) },
                new Command("gateway-tokens", "Gateway tokens: each acts for any device of the organization.")
                {
                    new DdiGatewayTokensListCommand(cli), new DdiGatewayTokensCreateCommand(cli), new DdiGatewayTokensRevokeCommand(cli),
                },
            },
            new Command("audit", "The audit trail of changes made through the Admin API.") { new AuditListCommand(cli), new AuditGetCommand(cli) },
            new Command("events", "What happened to which resource: the event log and its live stream.")
            {
                new EventsListCommand(cli), new EventsGetCommand(cli), new EventsTailCommand(cli),
            },
            new Command("webhooks", "HTTPS endpoints that receive signed events, and their delivery log.")
            {
                new WebhooksListCommand(cli), new WebhooksGetCommand(cli), new WebhooksCreateCommand(cli), new WebhooksUpdateCommand(cli),
                new WebhooksDeleteCommand(cli), new WebhooksRollSecretCommand(cli), new WebhooksTestFireCommand(cli),
                new WebhooksDeliveriesCommand(cli), new WebhooksDeliveryCommand(cli), new WebhooksRedeliverCommand(cli),
            },
            new Command("products", "Products: kinds of device, which devices and cohorts belong to.")
            {
                new ProductsListCommand(cli), new ProductsGetCommand(cli), new ProductsCreateCommand(cli),
                new ProductsUpdateCommand(cli), new ProductsDeleteCommand(cli),
            },
            new Command("cohorts", "Cohorts: devices of one product that follow the same releases.")
            {
                new CohortsListCommand(cli), new CohortsGetCommand(cli), new CohortsCreateCommand(cli),
                new CohortsUpdateCommand(cli), new CohortsDeleteCommand(cli),
            },
            new Command("fleet", "The fleet as a whole.") { new FleetSummaryCommand(cli) },
            new Command("devices", "Devices of the fleet.")
            {
                new DevicesListCommand(cli), new DevicesGetCommand(cli), new DevicesCreateCommand(cli), new DevicesUpdateCommand(cli),
                new DevicesDeleteCommand(cli), new DevicesBulkCommand(cli), new DevicesImportCommand(cli), new DevicesGetUpdateCommand(cli), new DevicesUpdatesCommand(cli), new DevicesProvisionCommand(cli),
                new DevicesCheckNowCommand(cli), new DevicesRebootCommand(cli), new DevicesMetricsCommand(cli), new DevicesHealthCommand(cli),
            },
            new Command("health-rules", "A product's health rules: when its devices count as unhealthy (device.unhealthy / device.healthy events).")
            {
                new HealthRulesListCommand(cli), new HealthRulesGetCommand(cli), new HealthRulesCreateCommand(cli),
                new HealthRulesUpdateCommand(cli), new HealthRulesDeleteCommand(cli),
            },
            new Command("tunnels", "Remote access tunnels: time-limited TCP tunnels to a device port, relayed over the agent's connection.")
            {
                new TunnelsOpenCommand(cli), new TunnelsStdioCommand(cli), new TunnelsListCommand(cli), new TunnelsGetCommand(cli),
                new TunnelsExtendCommand(cli), new TunnelsCloseCommand(cli),
            },
            new SshCommand(cli),
            new Command("device-certificates", "X.509 certificates devices authenticate with on the device listener.")
            {
                new DeviceCertificatesListCommand(cli), new DeviceCertificatesGetCommand(cli), new DeviceCertificatesCreateCommand(cli),
                new DeviceCertificatesRevokeCommand(cli),
            },
            new Command("ca-certificates", "CA certificates registered by proof of possession, and their just-in-time provisioning settings.")
            {
                new CaCertificatesListCommand(cli), new CaCertificatesGetCommand(cli), new CaCertificatesCreateVerificationCodeCommand(cli),
                new CaCertificatesCreateCommand(cli), new CaCertificatesUpdateCommand(cli), new CaCertificatesDeleteCommand(cli),
            },
            new Command("server", "The server itself.") { new ServerInfoCommand(cli), new ServerCaCertificateCommand(cli) },
            new Command("x509", "Make development certificates locally (no server needed): a CA, a verification certificate, device certificates.")
            {
                new Command("ca", "A development certificate authority.") { new X509CaCreateCommand(cli) },
                new X509VerificationCertCommand(cli),
                new Command("device", "Device key pairs and certificates.") { new X509DeviceCreateCommand(cli) },
            },
            new Command("artifacts", "Artifacts: kinds of binaries ('rootfs', 'app', 'ml-model').")
            {
                new ArtifactsListCommand(cli), new ArtifactsGetCommand(cli), new ArtifactsCreateCommand(cli), new ArtifactsUpdateCommand(cli), new ArtifactsDeleteCommand(cli),
            },
            new Command("artifact-versions", "Versions of artifacts; binaries belong to them.")
            {
                new ArtifactVersionsListCommand(cli), new ArtifactVersionsGetCommand(cli), new ArtifactVersionsCreateCommand(cli),
                new ArtifactVersionsUpdateCommand(cli), new ArtifactVersionsDeleteCommand(cli),
            },
            new Command("binaries", "Binaries: the content of an artifact version for one target, uploaded, verified and signed.")
            {
                new BinariesListCommand(cli), new BinariesGetCommand(cli), new BinariesCreateCommand(cli), new BinariesUpdateCommand(cli),
                new BinariesDeleteCommand(cli), new BinariesDownloadUrlCommand(cli), new BinariesDownloadCommand(cli),
            },
            new Command("binary-signatures", "Ed25519 signatures of binaries, verified by the server.")
            {
                new BinarySignaturesListCommand(cli), new BinarySignaturesGetCommand(cli), new BinarySignaturesCreateCommand(cli), new BinarySignaturesDeleteCommand(cli),
            },
            new Command("signing-keys", "Ed25519 public keys that sign binaries; private keys stay on your machine.")
            {
                new SigningKeysListCommand(cli), new SigningKeysGetCommand(cli), new SigningKeysCreateCommand(cli), new SigningKeysUpdateCommand(cli),
                new SigningKeysRevokeCommand(cli), new SigningKeysDeleteCommand(cli),
            },
            new Command("bundles", "Bundles: immutable ordered sets of signed binaries.")
            {
                new BundlesListCommand(cli), new BundlesGetCommand(cli), new BundlesCreateCommand(cli), new BundlesUpdateCommand(cli), new BundlesDeleteCommand(cli),
            },
            new Command("releases", "Releases: the bundles a cohort's devices move through, their graph, phases, halts and rollbacks.")
            {
                new ReleasesListCommand(cli), new ReleasesGetCommand(cli), new ReleasesCreateCommand(cli), new ReleasesUpdateCommand(cli),
                new ReleasesDeleteCommand(cli), new ReleasesStatsCommand(cli), new ReleasesHaltCommand(cli), new ReleasesResumeCommand(cli),
                new ReleasesRollbackCommand(cli),
            },
            new Command("bundle-overrides", "Bundle overrides: a bundle for an explicit list of devices, ahead of their cohort's releases, for a time window.")
            {
                new BundleOverridesListCommand(cli), new BundleOverridesGetCommand(cli), new BundleOverridesCreateCommand(cli),
                new BundleOverridesUpdateCommand(cli), new BundleOverridesDeleteCommand(cli),
                new Command("devices", "The devices a bundle override names.")
                {
                    new BundleOverridesDevicesListCommand(cli), new BundleOverridesDevicesAddCommand(cli), new BundleOverridesDevicesRemoveCommand(cli),
                },
            },
        };
        foreach (var option in cli.Options.All)
        {
            root.Add(option);
        }

        return root;
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command current; symbol = current.Parents.FirstOrDefault())
        {
            names.Add(current is RootCommand ? ExecutableName : current.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
