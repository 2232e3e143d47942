using Hangar.Agent.Signatures;

namespace Hangar.Agent.Configuration;

/// <summary>Cross-field rules, each error naming the field the way it is spelled in the file.</summary>
public static class AgentConfigValidator
{
    public static IReadOnlyList<string> Validate(AgentConfig config)
    {
        var errors = new List<string>();
        void Require(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors.Add($"{field}: {message}");
            }
        }

        var url = config.Server?.Url;
        Require(!string.IsNullOrWhiteSpace(url), "server.url", "is required");
        if (!string.IsNullOrWhiteSpace(url))
        {
            Require(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Query.Length == 0,
                "server.url", $"'{url}' is not an absolute https:// address without a query");
        }

        Require(!string.IsNullOrWhiteSpace(config.Server?.CaCertificate), "server.ca_certificate", "is required (a PEM file)");
        Require(!string.IsNullOrWhiteSpace(config.Device?.Certificate), "device.certificate", "is required (a PEM file)");
        Require(!string.IsNullOrWhiteSpace(config.Device?.PrivateKey), "device.private_key", "is required (a PEM file)");

        ValidateSigning(config.Signing, Require);
        foreach (var (field, value) in new[]
        {
            ("factory_software.release", config.FactorySoftware.Release),
            ("factory_software.bundle", config.FactorySoftware.Bundle),
            ("factory_software.release_version", config.FactorySoftware.ReleaseVersion),
        })
        {
            Require(value is null || (value.Length is > 0 and <= 128 && !value.Any(char.IsWhiteSpace)), field, "must be 1 to 128 characters without spaces");
        }

        Require(config.Targets.Count > 0, "targets", "needs at least one target (e.g. \"portable\")");
        for (var i = 0; i < config.Targets.Count; i++)
        {
            Require(!string.IsNullOrWhiteSpace(config.Targets[i]), $"targets[{i}]", "is empty");
        }

        Require(config.Polling.IntervalSeconds is >= 10 and <= 7 * 24 * 3600, "polling.interval_seconds", "must be between 10 and 604800");
        Require(config.Polling.JitterSeconds >= 0 && config.Polling.JitterSeconds <= config.Polling.IntervalSeconds,
            "polling.jitter_seconds", "must be between 0 and polling.interval_seconds");

        Require(!string.IsNullOrWhiteSpace(config.Directories?.State), "directories.state", "is required");
        Require(!string.IsNullOrWhiteSpace(config.Directories?.Cache), "directories.cache", "is required");

        var downloads = config.Downloads;
        Require(downloads.MaxAttempts is >= 1 and <= 1000, "downloads.max_attempts", "must be between 1 and 1000");
        Require(downloads.InitialBackoffSeconds > 0, "downloads.initial_backoff_seconds", "must be positive");
        Require(downloads.MaxBackoffSeconds >= downloads.InitialBackoffSeconds, "downloads.max_backoff_seconds",
            "must be at least downloads.initial_backoff_seconds");
        Require(downloads.StallTimeoutSeconds > 0, "downloads.stall_timeout_seconds", "must be positive");
        Require(downloads.FreeSpaceReserveBytes >= 0, "downloads.free_space_reserve_bytes", "must not be negative");
        Require(downloads.MaxBytesPerSecond == 0 || downloads.MaxBytesPerSecond >= 16 * 1024, "downloads.max_bytes_per_second",
            "must be 0 (no limit) or at least 16384");

        InstallersConfigValidator.Validate(config.Installers, config.Boot, Require);
        ValidateBoot(config.Boot, Require);

        for (var i = 0; i < config.Tunnels.AllowedPorts.Count; i++)
        {
            Require(config.Tunnels.AllowedPorts[i] is >= 1 and <= 65535, $"tunnels.allowed_ports[{i}]", "must be a port between 1 and 65535");
        }

        ValidateTelemetry(config.Telemetry, Require);
        return errors;
    }

    private static void ValidateTelemetry(TelemetryConfig telemetry, Action<bool, string, string> require)
    {
        require(telemetry.IntervalSeconds is >= 1 and <= 86400, "telemetry.interval_seconds", "must be between 1 and 86400");
        require(telemetry.ScriptTimeoutSeconds is >= 1 and <= 3600, "telemetry.script_timeout_seconds", "must be between 1 and 3600");
        require(telemetry.ScriptOutputBytes is >= 256 and <= 16 * 1024 * 1024, "telemetry.script_output_bytes", "must be between 256 and 16777216");
        require(telemetry.BufferPoints is >= 100 and <= 10_000_000, "telemetry.buffer_points", "must be between 100 and 10000000");
        require(telemetry.MaxBatchPoints >= 50 && telemetry.MaxBatchPoints <= Math.Min(5000, telemetry.BufferPoints), "telemetry.max_batch_points",
            "must be between 50 and the smaller of 5000 and telemetry.buffer_points");
        require(Path.IsPathFullyQualified(telemetry.SystemRoot), "telemetry.system_root", "must be an absolute path");
        for (var i = 0; i < telemetry.Mounts.Count; i++)
        {
            require(telemetry.Mounts[i].StartsWith('/'), $"telemetry.mounts[{i}]", "must be an absolute path");
        }
    }

    private static void ValidateSigning(SigningConfig? signing, Action<bool, string, string> require)
    {
        require(signing is not null && signing.TrustedKeys.Count > 0, "signing.trusted_keys", "needs at least one ed25519 public key");
        if (signing is null)
        {
            return;
        }

        for (var i = 0; i < signing.TrustedKeys.Count; i++)
        {
            require(TrustedKeySet.TryParseKey(signing.TrustedKeys[i], out _, out var error), $"signing.trusted_keys[{i}]", error);
        }

        require(signing.Threshold >= 1 && signing.Threshold <= signing.TrustedKeys.Count, "signing.threshold",
            $"must be between 1 and the number of trusted keys ({signing.TrustedKeys.Count})");
    }

    private static void ValidateBoot(BootConfig boot, Action<bool, string, string> require)
    {
        require(boot.MaxBootAttempts is >= 1 and <= 100, "boot.max_boot_attempts", "must be between 1 and 100");
        require(boot.CommandTimeoutSeconds is >= 1 and <= 86400, "boot.command_timeout_seconds", "must be between 1 and 86400");
        if (boot.SimulatedSlots is not null)
        {
            require(!string.IsNullOrWhiteSpace(boot.SimulatedSlots.Directory), "boot.simulated_slots.directory", "is required");
            return;
        }

        require(boot.RebootCommand.Count > 0 && !string.IsNullOrWhiteSpace(boot.RebootCommand[0]), "boot.reboot_command",
            "needs an executable (e.g. [\"systemctl\", \"reboot\"])");
    }
}
