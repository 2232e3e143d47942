using Hangar.Contracts.Common;

namespace Hangar.Server.Hosting.Problems;

/// <summary>Every problem carries the request id and a code, even those produced by the framework itself.</summary>
internal static class ProblemDetailsDefaults
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions["request_id"] = context.HttpContext.TraceIdentifier;
        if (!problem.Extensions.ContainsKey("code"))
        {
            problem.Extensions["code"] = CodeFor(problem.Status);
        }
    }

    /// <summary>The code of a problem that did not name one, by its status.</summary>
    public static string CodeFor(int? status) => status switch
    {
        StatusCodes.Status400BadRequest => ErrorCodes.InvalidParameter,
        StatusCodes.Status401Unauthorized => ErrorCodes.Unauthenticated,
        StatusCodes.Status403Forbidden => ErrorCodes.Forbidden,
        StatusCodes.Status404NotFound => ErrorCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => ErrorCodes.MethodNotAllowed,
        StatusCodes.Status409Conflict => ErrorCodes.Conflict,
        StatusCodes.Status413PayloadTooLarge => ErrorCodes.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ErrorCodes.UnsupportedMediaType,
        StatusCodes.Status416RangeNotSatisfiable => ErrorCodes.RangeNotSatisfiable,
        StatusCodes.Status429TooManyRequests => ErrorCodes.RateLimited,
        StatusCodes.Status503ServiceUnavailable => ErrorCodes.Unavailable,
        StatusCodes.Status507InsufficientStorage => ErrorCodes.InsufficientStorage,
        _ => ErrorCodes.InternalError,
    };
}
