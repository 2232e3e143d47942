using System.Text.RegularExpressions;
using Hangar.Agent.Configuration;
using Hangar.Agent.Tests.Support;

namespace Hangar.Agent.Tests.Configuration;

public sealed partial class AgentConfigLoaderTests
{
    private const string RfcKey = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";

    private const string Minimal = """
        {
          "server": { "url": "https://hangar.test:8443", "ca_certificate": "server-ca.pem" },
          "device": { "certificate": "device.pem", "private_key": "device.key" },
          "signing": { "trusted_keys": ["11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="] },
          "directories": { "state": "state", "cache": "/var/cache/hangar-agent" }
        }
        """;

    [Fact]
    public void Parse_DocumentedExample_IsValid()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "agent.md"));
        var example = JsonBlock().Match(docs);
        Assert.True(example.Success, "docs/agent.md has a ```json example");

        var config = AgentConfigLoader.Parse(example.Groups[1].Value, "docs/agent.md", "/etc/hangar-agent");

        Assert.Equal("https://hangar.example.com:8443", config.Server!.Url);
        Assert.Equal(1, config.Signing!.Threshold);
        Assert.NotNull(config.Installers.File);
    }

    [Fact]
    public void Parse_Minimal_FillsDefaultsAndResolvesRelativePaths()
    {
        var config = AgentConfigLoader.Parse(Minimal, "config.json", "/etc/hangar-agent");

        Assert.Equal("/etc/hangar-agent/server-ca.pem", config.Server!.CaCertificate);
        Assert.Equal("/etc/hangar-agent/state", config.Directories!.State);
        Assert.Equal("/var/cache/hangar-agent", config.Directories.Cache);
        Assert.Equal(["portable"], config.Targets);
        Assert.Equal(1800, config.Polling.IntervalSeconds);
        Assert.Equal(3, config.Boot.MaxBootAttempts);
    }

    [Theory]
    [InlineData("\"url\": \"https://hangar.test:8443\"", "\"url\": \"http://hangar.test\"", "server.url")]
    [InlineData("\"device.key\"", "\"\"", "device.private_key")]
    [InlineData("\"trusted_keys\": [\"11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"]", "\"trusted_keys\": [\"AAAA\"]", "signing.trusted_keys[0]")]
    [InlineData("\"trusted_keys\": [\"11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"]", "\"trusted_keys\": [\"11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\"], \"threshold\": 2", "signing.threshold")]
    [InlineData("\"state\": \"state\", ", "", "directories.state")]
    public void Parse_InvalidField_NamesTheField(string original, string replacement, string field)
    {
        var json = Minimal.Replace(original, replacement, StringComparison.Ordinal);
        Assert.NotEqual(Minimal, json);

        var error = Assert.Throws<AgentConfigException>(() => AgentConfigLoader.Parse(json, "config.json", "/etc"));

        Assert.Contains(error.Errors, message => message.StartsWith(field + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_UnknownField_IsRejectedWithItsPath()
    {
        var json = Minimal.Replace("\"directories\"", "\"polling\": { \"interval\": 5 }, \"directories\"", StringComparison.Ordinal);

        var error = Assert.Throws<AgentConfigException>(() => AgentConfigLoader.Parse(json, "config.json", "/etc"));

        Assert.Contains("interval", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SlotInstallerWithoutSimulatedSlots_IsRejected()
    {
        var json = Minimal.Replace("\"directories\"", "\"installers\": { \"slot\": {} }, \"directories\"", StringComparison.Ordinal);

        var error = Assert.Throws<AgentConfigException>(() => AgentConfigLoader.Parse(json, "config.json", "/etc"));

        Assert.Contains(error.Errors, message => message.StartsWith("installers.slot:", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissingFile_SaysItCannotBeRead()
    {
        var error = Assert.Throws<AgentConfigException>(() => AgentConfigLoader.Load("/nonexistent/hangar-agent.json"));

        Assert.Contains("cannot read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TunnelPortOutOfRange_NamesTheIndex()
    {
        var config = AgentConfigLoader.Parse(Minimal, "config.json", "/etc") with { Tunnels = new TunnelsConfig { AllowedPorts = [22, 70000] } };

        var errors = AgentConfigValidator.Validate(config);

        Assert.Contains(errors, message => message.StartsWith("tunnels.allowed_ports[1]:", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, message => message.Contains(RfcKey, StringComparison.Ordinal));
    }

    [Fact]
    public void Telemetry_DefaultsApply_RelativePathsAreNextToTheFile_AndBadValuesNameTheirField()
    {
        var json = Minimal.Replace("\"directories\"", "\"telemetry\": { \"scripts_directory\": \"metrics.d\", \"metrics_socket\": \"/run/m.sock\" }, \"directories\"", StringComparison.Ordinal);
        var config = AgentConfigLoader.Parse(json, "config.json", "/etc/hangar-agent");

        Assert.Equal(("/etc/hangar-agent/metrics.d", "/run/m.sock", 60, 500), (config.Telemetry.ScriptsDirectory, config.Telemetry.MetricsSocket,
            config.Telemetry.IntervalSeconds, config.Telemetry.MaxBatchPoints));
        var errors = AgentConfigValidator.Validate(config with
        {
            Telemetry = config.Telemetry with { IntervalSeconds = 0, Mounts = ["/", "data"], BufferPoints = 100, MaxBatchPoints = 200, SystemRoot = "proc" },
        });
        Assert.Equal(["telemetry.interval_seconds", "telemetry.max_batch_points", "telemetry.system_root", "telemetry.mounts[1]"],
            errors.Select(e => e[..e.IndexOf(':', StringComparison.Ordinal)]));
    }

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
