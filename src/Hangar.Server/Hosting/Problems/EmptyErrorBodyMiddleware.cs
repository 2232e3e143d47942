using Microsoft.AspNetCore.WebUtilities;

namespace Hangar.Server.Hosting.Problems;

/// <summary>
/// Gives a ProblemDetails body to errors the framework answers with an explicitly empty one (a 416 from a file result
/// sets <c>Content-Length: 0</c> and the file's type, which the status-code pages leave alone), so every error has the same shape.
/// </summary>
internal sealed class EmptyErrorBodyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var response = context.Response;
        if (response.HasStarted || response.StatusCode < 400 || response.ContentLength is not 0)
        {
            return;
        }

        // The file result also named the content's type; the answer is the problem now.
        response.ContentLength = null;
        response.ContentType = null;
        var status = response.StatusCode;
        await ProblemWriter.WriteAsync(context, status, ProblemDetailsDefaults.CodeFor(status), ReasonPhrases.GetReasonPhrase(status));
    }
}
