using Hangar.Contracts.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hangar.Server.Hosting.Problems;

/// <summary>
/// Every error the Admin API answers, as RFC 9457 ProblemDetails with a stable <c>code</c> extension. Handlers
/// return these so that the OpenAPI document and clients see one error shape.
/// </summary>
internal static class Problems
{
    public static ProblemHttpResult Create(int status, string code, string title, string? detail = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult NotFound(string what) =>
        Create(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Not found", $"{what} was not found.");

    public static ProblemHttpResult Conflict(string code, string detail) =>
        Create(StatusCodes.Status409Conflict, code, "Conflict", detail);

    public static ProblemHttpResult Forbidden(string code, string detail) =>
        Create(StatusCodes.Status403Forbidden, code, "Forbidden", detail);

    public static ProblemHttpResult BadRequest(string code, string detail) =>
        Create(StatusCodes.Status400BadRequest, code, "Bad request", detail);

    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors, string code = ErrorCodes.ValidationFailed)
    {
        var problem = new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Validation failed",
            Detail = "One or more fields are invalid; see errors.",
        };
        problem.Extensions["code"] = code;
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });
}
