using System.Net;
using Hangar.Contracts.Common;

namespace Hangar.Client;

/// <summary>The server answered with an error. <see cref="Code"/> is the stable machine-readable reason.</summary>
public sealed class HangarApiException : Exception
{
    public HangarApiException(HttpStatusCode status, ProblemResponse? problem, TimeSpan? retryAfter = null)
        : base(Describe(status, problem))
    {
        Status = status;
        Problem = problem;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode Status { get; }
    public ProblemResponse? Problem { get; }
    public string Code => Problem?.Code ?? $"http_{(int)Status}";
    public TimeSpan? RetryAfter { get; }

    private static string Describe(HttpStatusCode status, ProblemResponse? problem)
    {
        var text = $"{(int)status} {problem?.Code ?? status.ToString()}: {problem?.Detail ?? problem?.Title ?? "no details"}";
        if (problem?.Errors is { Count: > 0 } errors)
        {
            text += " (" + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")) + ")";
        }

        return problem?.RequestId is null ? text : $"{text} [request {problem.RequestId}]";
    }
}
