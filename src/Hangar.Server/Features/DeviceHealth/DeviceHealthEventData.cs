namespace Hangar.Server.Features.DeviceHealth;

/// <summary>
/// The data of <c>device.unhealthy</c> and <c>device.healthy</c>: the rules the device fails now (<see cref="Failing"/>;
/// empty once healthy) and those it stopped failing in this change (<see cref="Cleared"/>).
/// </summary>
internal sealed record DeviceHealthEventData(string Identifier, Guid ProductId, IReadOnlyList<HealthEventRule> Failing, IReadOnlyList<HealthEventRule> Cleared);
