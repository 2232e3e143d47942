using System.Globalization;
using System.Text.Json;
using Hangar.Contracts.Common;
using Hangar.Server.Hosting.Database;
using Hangar.Server.Hosting.References;
using Hangar.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Hosting.Problems;

/// <summary>
/// Turns exceptions into ProblemDetails. Request-shape errors (bad JSON, oversized bodies) become 4xx with a
/// readable detail; a name that picks several resources is 409 <c>ambiguous_reference</c> listing them; anything else
/// is a 500 that reveals nothing but the request id.
/// </summary>
internal sealed class ExceptionProblemHandler(ILogger<ExceptionProblemHandler> logger, IOptions<DatabaseOptions> database) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // The exception handler middleware cleared the response, headers included, before asking: the request id
        // set on the way in is gone, and an error is where it matters most.
        context.Response.Headers[HangarHeaders.RequestId] = context.TraceIdentifier;
        if (exception is AmbiguousReferenceException ambiguous)
        {
            logger.LogInformation("Rejected request: {Code} {Detail}", ErrorCodes.AmbiguousReference, ambiguous.Message);
            await ProblemWriter.WriteAsync(context, StatusCodes.Status409Conflict, ErrorCodes.AmbiguousReference, "Ambiguous reference", ambiguous.Message,
                new Dictionary<string, object?> { ["candidates"] = ambiguous.Candidates });
            return true;
        }

        var (status, code, title, detail) = Classify(exception);
        if (code is ErrorCodes.DatabaseUnavailable or ErrorCodes.InsufficientStorage)
        {
            // A failing machine, not a bug: one line an operator can act on, without a stack trace per request.
            logger.LogWarning("{Code}: {Reason}", code, exception.GetBaseException().Message);
        }
        else if (status >= 500 && status != StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogError(exception, "Unhandled exception");
        }
        else
        {
            logger.LogInformation("Rejected request: {Code} {Detail}", code, detail);
        }

        if (code == ErrorCodes.DatabaseUnavailable)
        {
            context.Response.Headers.RetryAfter = database.Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        await ProblemWriter.WriteAsync(context, status, code, title, detail);
        return true;
    }

    private const int SqliteFullCode = 13;

    private static (int Status, string Code, string Title, string? Detail) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (413, ErrorCodes.PayloadTooLarge, "Payload too large", "The request body exceeds the size limit of this endpoint."),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
            (415, ErrorCodes.UnsupportedMediaType, "Unsupported media type", "Send the body as application/json."),
        BadHttpRequestException { InnerException: JsonException json } =>
            (400, ErrorCodes.InvalidJson, "Invalid JSON", BindingErrorDetail.ForJson(json)),
        BadHttpRequestException bad when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) =>
            (400, ErrorCodes.InvalidJson, "Invalid request body", "The request body is missing or is not valid JSON."),
        BadHttpRequestException bad =>
            (bad.StatusCode, ErrorCodes.InvalidParameter, "Bad request", BindingErrorDetail.ForParameter(bad.Message)),
        _ when DatabaseUnavailable.Is(exception) =>
            (503, ErrorCodes.DatabaseUnavailable, "Service unavailable", "The database is not available; retry after the seconds in Retry-After."),
        _ when OutOfSpace.Is(exception) || SqliteFull(exception) =>
            (507, ErrorCodes.InsufficientStorage, "Insufficient storage", "The server's disk is full; nothing was kept. Retry once an operator has freed space."),
        // The client went away or the server is stopping while the request body was still arriving.
        OperationCanceledException or Microsoft.AspNetCore.Connections.ConnectionAbortedException =>
            (503, ErrorCodes.Unavailable, "Service unavailable", "The request was interrupted (the server may be restarting); retry."),
        _ => (500, ErrorCodes.InternalError, "Internal server error", "The server failed; quote the request id when reporting it."),
    };

    private static bool SqliteFull(Exception exception) =>
        exception.GetBaseException() is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: SqliteFullCode };
}
