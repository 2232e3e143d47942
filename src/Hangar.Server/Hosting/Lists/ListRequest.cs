namespace Hangar.Server.Hosting.Lists;

/// <summary>The query string every list endpoint takes: <c>limit</c> (1–100, default 20), <c>order</c>, <c>page</c>, <c>search</c>.</summary>
internal sealed class ListRequest
{
    /// <summary>Items per page, 1–100 (default 20).</summary>
    public int? Limit { get; init; }

    /// <summary><c>asc</c> or <c>desc</c> by creation time (default <c>asc</c>).</summary>
    public string? Order { get; init; }

    /// <summary>The <c>next_page</c> cursor of the previous page.</summary>
    public string? Page { get; init; }

    /// <summary>Up to 5 clauses joined by <c> and </c>, e.g. <c>name~'edge' and created_at&gt;='2024-01-01T00:00:00Z'</c>.</summary>
    public string? Search { get; init; }
}
