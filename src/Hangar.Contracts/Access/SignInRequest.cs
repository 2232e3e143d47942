namespace Hangar.Contracts.Access;

/// <summary>Signs in to the console. Without <see cref="OrganizationId"/> the session opens in the user's oldest membership.</summary>
public sealed record SignInRequest(string Email, string Password, Guid? OrganizationId = null);
