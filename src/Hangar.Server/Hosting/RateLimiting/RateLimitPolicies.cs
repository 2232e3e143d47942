namespace Hangar.Server.Hosting.RateLimiting;

internal static class RateLimitPolicies
{
    public const string SignIn = "sign-in";
}
