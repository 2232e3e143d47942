namespace Hangar.Contracts.DeviceHealth;

/// <summary>
/// A device's health: <c>healthy</c> is null while its product has no enabled rule (or the device is quarantined,
/// or was not evaluated yet); <c>failing</c> lists the rules it fails; <c>rules</c> (in the health detail only)
/// every enabled rule of its product.
/// </summary>
public sealed record DeviceHealthResponse(
    bool? Healthy,
    IReadOnlyList<DeviceHealthFailureResponse> Failing,
    IReadOnlyList<HealthRuleResponse>? Rules = null);
