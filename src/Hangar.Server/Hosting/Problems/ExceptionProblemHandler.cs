using System.Text.Json;
using Hangar.Contracts.Common;
using Hangar.Server.Hosting.References;
using Microsoft.AspNetCore.Diagnostics;

namespace Hangar.Server.Hosting.Problems;

/// <summary>
/// Turns exceptions into ProblemDetails. Request-shape errors (bad JSON, oversized bodies) become 4xx with a
/// readable detail; a name that picks several resources is 409 <c>ambiguous_reference</c> listing them; anything else
/// is a 500 that reveals nothing but the request id.
/// </summary>
internal sealed class ExceptionProblemHandler(ILogger<ExceptionProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is AmbiguousReferenceException ambiguous)
        {
            logger.LogInformation("Rejected request: {Code} {Detail}", ErrorCodes.AmbiguousReference, ambiguous.Message);
            await ProblemWriter.WriteAsync(context, StatusCodes.Status409Conflict, ErrorCodes.AmbiguousReference, "Ambiguous reference", ambiguous.Message,
                new Dictionary<string, object?> { ["candidates"] = ambiguous.Candidates });
            return true;
        }

        var (status, code, title, detail) = Classify(exception);
        if (status >= 500 && status != StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogError(exception, "Unhandled exception");
        }
        else
        {
            logger.LogInformation("Rejected request: {Code} {Detail}", code, detail);
        }

        await ProblemWriter.WriteAsync(context, status, code, title, detail);
        return true;
    }

    private static (int Status, string Code, string Title, string? Detail) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (413, ErrorCodes.PayloadTooLarge, "Payload too large", "The request body exceeds the size limit of this endpoint."),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
            (415, ErrorCodes.UnsupportedMediaType, "Unsupported media type", "Send the body as application/json."),
        BadHttpRequestException { InnerException: JsonException json } =>
            (400, ErrorCodes.InvalidJson, "Invalid JSON", JsonDetail(json)),
        BadHttpRequestException bad when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) =>
            (400, ErrorCodes.InvalidJson, "Invalid request body", "The request body is missing or is not valid JSON."),
        BadHttpRequestException bad =>
            (bad.StatusCode, ErrorCodes.InvalidParameter, "Bad request", bad.Message),
        // The client went away or the server is stopping while the request body was still arriving.
        OperationCanceledException or Microsoft.AspNetCore.Connections.ConnectionAbortedException =>
            (503, ErrorCodes.Unavailable, "Service unavailable", "The request was interrupted (the server may be restarting); retry."),
        _ => (500, ErrorCodes.InternalError, "Internal server error", "The server failed; quote the request id when reporting it."),
    };

    // System.Text.Json's messages name the member path and position but also .NET type names; keep the useful part.
    private static string JsonDetail(JsonException json)
    {
        var where = json.Path is null ? "" : $" at {json.Path}";
        var position = json.LineNumber is null ? "" : $" (line {json.LineNumber + 1}, byte {json.BytePositionInLine})";
        var message = json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        message = message.Replace("Hangar.Contracts.", "", StringComparison.Ordinal);
        return $"The JSON body is invalid{where}{position}: {message}";
    }
}
