using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hangar.Server.Features.Telemetry;

/// <summary>Why a batch was refused, whichever transport brought it: a status, a stable code, and the fields at fault.</summary>
internal sealed record TelemetryRefusal(int Status, string Code, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null, TimeSpan? RetryAfter = null)
{
    public ProblemHttpResult ToProblem()
    {
        if (Errors is null)
        {
            return Problems.Create(Status, Code, Title, Detail);
        }

        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]>(Errors)) { Status = Status, Title = Title, Detail = Detail };
        problem.Extensions["code"] = Code;
        return TypedResults.Problem(problem);
    }

    private string Title => Status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Batch too large",
        StatusCodes.Status429TooManyRequests => "Too many points",
        StatusCodes.Status503ServiceUnavailable => "Telemetry queue full",
        _ => "Telemetry refused",
    };
}
