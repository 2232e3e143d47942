namespace Hangar.Testing;

/// <summary>What the server printed on its first start, read back the way an operator would read it.</summary>
public sealed record BootstrapCredentials(Guid OrganizationId, string OwnerEmail, string OwnerPassword, string ApiKey)
{
    public static BootstrapCredentials Parse(string output)
    {
        string Value(string label) =>
            output.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith(label, StringComparison.Ordinal))?[label.Length..].Trim()
            ?? throw new InvalidOperationException($"the server did not print '{label}'; output was:\n{output}");

        var organization = Value("organization:");
        var id = organization[(organization.LastIndexOf('(') + 1)..organization.LastIndexOf(')')];
        return new BootstrapCredentials(Guid.Parse(id), Value("owner email:"), Value("owner password:"), Value("api key:"));
    }
}
