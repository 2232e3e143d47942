using System.Globalization;
using System.Text;

namespace Hangar.Client;

/// <summary>Paging and search for list calls. <see cref="Page"/> is the previous page's <c>next_page</c>.</summary>
public sealed record ListOptions(int? Limit = null, string? Order = null, string? Page = null, string? Search = null)
{
    public string ToQueryString()
    {
        var query = new StringBuilder();
        Append(query, "limit", Limit?.ToString(CultureInfo.InvariantCulture));
        Append(query, "order", Order);
        Append(query, "page", Page);
        Append(query, "search", Search);
        return query.ToString();
    }

    private static void Append(StringBuilder query, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }
}
