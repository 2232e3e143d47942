using Microsoft.AspNetCore.Mvc;

namespace Hangar.Server.Hosting.Problems;

/// <summary>Writes a ProblemDetails response from middleware, where there is no endpoint result to return.</summary>
internal static class ProblemWriter
{
    public static async Task WriteAsync(
        HttpContext context, int status, string code, string title, string? detail = null, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[name] = value;
        }

        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
