namespace Hangar.Contracts.Devices;

/// <summary>
/// A CSV file with the columns identifier, description, tags, product, cohort, certificates, target (an optional
/// header row names them). Tags are comma-separated; certificates are PEM blocks.
/// </summary>
public sealed record ImportDevicesRequest(string Csv);
