using System.Globalization;
using Hangar.Client;

namespace Hangar.Cli.Output;

/// <summary>Turns failures into an <c>error:</c> report on stderr and the matching exit code.</summary>
internal static class ErrorReporter
{
    public static int Report(HangarApiException exception, Uri server, TextWriter stderr)
    {
        var problem = exception.Problem;
        var detail = problem?.Detail ?? problem?.Title ?? $"the server answered {(int)exception.Status} {exception.Status}";
        stderr.WriteLine($"error: {exception.Code}: {detail}");
        if (problem?.Errors is { Count: > 0 } errors)
        {
            foreach (var (field, messages) in errors.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                foreach (var message in messages)
                {
                    stderr.WriteLine($"  {field}: {message}");
                }
            }
        }

        if (exception.RetryAfter is { } retryAfter)
        {
            stderr.WriteLine($"retry after: {Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s");
        }

        if ((int)exception.Status == 401)
        {
            stderr.WriteLine($"hint: the API key was refused by {server}; check it, or run 'hangar login' again.");
        }

        if (problem?.RequestId is { } requestId)
        {
            stderr.WriteLine($"request id: {requestId}");
        }

        return ExitCodes.FromStatus(exception.Status);
    }

    public static int Unreachable(Exception exception, Uri server, TextWriter stderr)
    {
        stderr.WriteLine($"error: could not reach the server at {server}: {exception.Message}");
        return ExitCodes.ServerError;
    }

    /// <summary>A success status whose body is not the expected JSON: the call may well have taken effect.</summary>
    public static int Unreadable(Exception exception, Uri server, TextWriter stderr)
    {
        stderr.WriteLine($"error: the answer from {server} could not be read: {exception.Message}");
        stderr.WriteLine("The request may have been carried out; check with a get or list command before retrying.");
        return ExitCodes.UnexpectedError;
    }

    public static int Report(CommandException exception, TextWriter stderr)
    {
        stderr.WriteLine($"error: {exception.Message}");
        return exception.ExitCode;
    }

    public static int Unexpected(Exception exception, TextWriter stderr)
    {
        stderr.WriteLine($"error: unexpected failure: {exception.GetType().Name}: {exception.Message}");
        return ExitCodes.UnexpectedError;
    }
}
