using System.Linq.Expressions;
using Hangar.Contracts.Common;
using Hangar.Core.Pagination;
using Hangar.Core.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Hosting.Lists;

/// <summary>
/// Cursor pagination over UUIDv7 ids: id order is creation order, and a keyset on the id ("after this id") stays
/// correct while rows are inserted concurrently, unlike offsets.
/// </summary>
internal static class ListQueries
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static bool TryPrepare<T>(ListRequest request, SearchFields<T> fields, out ListSpec spec, out ProblemHttpResult? problem)
    {
        spec = null!;
        problem = null;
        var limit = request.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit)
        {
            problem = Problems.Problems.Validation("limit", $"limit must be between 1 and {MaxLimit}.");
            return false;
        }

        SortOrder? order = request.Order switch
        {
            null or "asc" => SortOrder.Ascending,
            "desc" => SortOrder.Descending,
            _ => null,
        };
        if (order is null)
        {
            problem = Problems.Problems.Validation("order", "order must be 'asc' or 'desc'.");
            return false;
        }

        SearchQuery? search = null;
        if (request.Search is not null)
        {
            var parsed = SearchQuery.Parse(request.Search);
            if (!parsed.Succeeded)
            {
                problem = Problems.Problems.BadRequest(ErrorCodes.InvalidSearch, $"Invalid search: {parsed.Error}.");
                return false;
            }

            var validated = fields.Schema.Validate(parsed.Query);
            if (!validated.Succeeded)
            {
                problem = Problems.Problems.BadRequest(ErrorCodes.InvalidSearch, $"Invalid search: {string.Join("; ", validated.Errors)}.");
                return false;
            }

            search = validated.Query;
        }

        var fingerprint = PageCursor.Fingerprint(search?.ToString() ?? "");
        Guid? afterId = null;
        if (request.Page is not null)
        {
            if (!PageCursor.TryDecode(request.Page, out var cursor) || cursor.Order != order || cursor.QueryFingerprint != fingerprint)
            {
                problem = Problems.Problems.BadRequest(ErrorCodes.InvalidCursor,
                    "The page cursor is malformed or belongs to a different query; start again without 'page'.");
                return false;
            }

            afterId = cursor.AfterId;
        }

        spec = new ListSpec(limit, order.Value, afterId, search, fingerprint);
        return true;
    }

    /// <summary>The whole list endpoint: validates the request (400 on bad paging or search), then answers one page.</summary>
    public static async Task<Results<Ok<ListResponse<TOut>>, ProblemHttpResult>> ListAsync<T, TOut>(
        this IQueryable<T> query,
        ListRequest request,
        SearchFields<T> fields,
        Expression<Func<T, Guid>> id,
        Func<T, TOut> map,
        CancellationToken cancellationToken)
    {
        if (!TryPrepare(request, fields, out var spec, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok(await query.ToPageAsync(spec, fields, id, map, cancellationToken));
    }

    public static async Task<ListResponse<TOut>> ToPageAsync<T, TOut>(
        this IQueryable<T> query,
        ListSpec spec,
        SearchFields<T> fields,
        Expression<Func<T, Guid>> id,
        Func<T, TOut> map,
        CancellationToken cancellationToken)
    {
        if (spec.Search is not null)
        {
            query = fields.Apply(query, spec.Search);
        }

        if (spec.AfterId is { } after)
        {
            query = query.Where(After(id, after, spec.Order));
        }

        query = spec.Order == SortOrder.Ascending ? query.OrderBy(id) : query.OrderByDescending(id);
        var rows = await query.Take(spec.Limit + 1).ToListAsync(cancellationToken);
        var hasMore = rows.Count > spec.Limit;
        var page = rows.Take(spec.Limit).ToList();
        var next = hasMore ? new PageCursor(id.Compile()(page[^1]), spec.Order, spec.Fingerprint).Encode() : null;
        return new ListResponse<TOut>(page.Select(map).ToList(), next);
    }

    private static Expression<Func<T, bool>> After<T>(Expression<Func<T, Guid>> id, Guid after, SortOrder order)
    {
        var holder = Expression.Property(Expression.Constant(new { Value = after }), "Value");
        var body = order == SortOrder.Ascending
            ? Expression.GreaterThan(id.Body, holder)
            : Expression.LessThan(id.Body, holder);
        return Expression.Lambda<Func<T, bool>>(body, id.Parameters);
    }
}
