namespace Hangar.Server.Features.Audit;

internal static class AuditOutcomes
{
    public const string Success = "success";
    public const string Denied = "denied";
    public const string Failed = "failed";

    public static string ForStatus(int status) => status switch
    {
        < 400 => Success,
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => Denied,
        _ => Failed,
    };
}
