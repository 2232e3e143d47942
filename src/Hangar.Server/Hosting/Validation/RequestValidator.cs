using System.Net.Mail;
using Hangar.Core.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hangar.Server.Hosting.Validation;

/// <summary>
/// Collects every field error of a request so the client sees them all at once, as a 400 with per-field
/// <c>errors</c> keyed by the snake_case field name.
/// </summary>
internal sealed class RequestValidator
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public RequestValidator Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    /// <summary>A display name: trimmed length within bounds and no control characters.</summary>
    public RequestValidator Text(string field, string? value, int max, int min = 1, bool required = true)
    {
        if (value is null)
        {
            return required ? Add(field, "is required.") : this;
        }

        var trimmed = value.Trim();
        if (trimmed.Length < min || trimmed.Length > max)
        {
            Add(field, min <= 1 ? $"must be 1 to {max} characters." : $"must be {min} to {max} characters.");
        }
        else if (trimmed.Any(char.IsControl))
        {
            Add(field, "must not contain control characters.");
        }

        return this;
    }

    public RequestValidator Email(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, "is required.");
        }

        if (value.Length > 254 || !MailAddress.TryCreate(value.Trim(), out var parsed) || parsed.Address != value.Trim() || !parsed.Host.Contains('.', StringComparison.Ordinal) && parsed.Host != "localhost")
        {
            Add(field, "must be a valid email address.");
        }

        return this;
    }

    public RequestValidator Role(string field, string? value, out Role role)
    {
        if (!RoleNames.TryParse(value, out role))
        {
            Add(field, $"must be one of: {string.Join(", ", RoleNames.All)}.");
        }

        return this;
    }

    public RequestValidator Password(string field, string? value)
    {
        if (value is null || value.Length < 12)
        {
            Add(field, "must be at least 12 characters.");
        }
        else if (value.Length > 256)
        {
            Add(field, "must be at most 256 characters.");
        }

        return this;
    }

    public RequestValidator FutureTime(string field, DateTime? value, DateTime now)
    {
        if (value is { } time && (time.Kind != DateTimeKind.Utc || time <= now))
        {
            Add(field, "must be a UTC time in the future (e.g. '2030-01-01T00:00:00Z').");
        }

        return this;
    }

    /// <summary>The errors by field, for a service that reports them as its outcome rather than as a problem.</summary>
    public Dictionary<string, string[]> Errors() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public ProblemHttpResult Problem() => Problems.Problems.Validation(Errors());
}
