namespace Hangar.Server.Hosting.Authentication;

internal static class CallerExtensions
{
    public static Caller? GetCaller(this HttpContext context) => context.Features.Get<Caller>();

    /// <summary>For handlers behind a permission check, where a caller always exists.</summary>
    public static Caller RequireCaller(this HttpContext context) =>
        context.Features.Get<Caller>() ?? throw new InvalidOperationException("endpoint reached without an authenticated caller");
}
