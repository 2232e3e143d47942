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

        if (problem?.Candidates is { Count: > 0 } candidates)
        {
            stderr.WriteLine("It matches:");
            foreach (var candidate in candidates)
            {
                stderr.WriteLine($"  {candidate.Hrn}  {candidate.Name}");
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

    /// <summary>
    /// A refused CSV import: its errors are keyed <c>row N.field</c>, so they are listed in row order (row 10 after
    /// row 9, not after row 1) as <c>row N, field: message</c>.
    /// </summary>
    public static int ImportFailed(HangarApiException exception, TextWriter stderr)
    {
        var problem = exception.Problem;
        stderr.WriteLine($"error: {exception.Code}: {problem?.Detail ?? problem?.Title ?? "the file was refused"}");
        var errors = (problem?.Errors ?? new Dictionary<string, string[]>())
            .Select(e => (Place: ImportPlace(e.Key), Messages: e.Value))
            .OrderBy(e => e.Place.Row)
            .ThenBy(e => e.Place.Field, StringComparer.Ordinal);
        foreach (var (place, messages) in errors)
        {
            foreach (var message in messages)
            {
                stderr.WriteLine(place.Row == 0 ? $"  {place.Field}: {message}" : $"  row {place.Row.ToString(CultureInfo.InvariantCulture)}, {place.Field}: {message}");
            }
        }

        stderr.WriteLine("Nothing was imported; fix these rows and import the whole file again.");
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

    // "row 12.tags" → (12, "tags"); a key about the whole file ("csv") sorts first, as row 0.
    private static (int Row, string Field) ImportPlace(string key)
    {
        const string prefix = "row ";
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        return key.StartsWith(prefix, StringComparison.Ordinal) && dot > prefix.Length
            && int.TryParse(key.AsSpan(prefix.Length, dot - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var row)
            ? (row, key[(dot + 1)..])
            : (0, key);
    }
}
