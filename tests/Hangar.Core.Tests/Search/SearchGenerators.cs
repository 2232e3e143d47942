using FsCheck;
using FsCheck.Fluent;
using Hangar.Core.Search;

namespace Hangar.Core.Tests.Search;

// Random valid queries, biased toward text that is hard to quote: quotes, backslashes, ' and ' and SQL.
internal static class SearchGenerators
{
    private const string FieldStarts = "abcdefghijklmnopqrstuvwxyz";
    private const string FieldParts = FieldStarts + "0123456789_.";

    // Keeps five clauses well under the 4096-character query limit.
    private const int MaxGeneratedText = 200;

    private static readonly string[] Fragments =
    [
        "'", "\\", "\\'", "''", " and ", " and", "and ", " or ", "'; DROP TABLE x; --", "\" OR 1=1 --",
        "east blue", " ", "  ", "%", "_", "*", ":", "-", "~", "<=", ">=", "é", "日本", "\n", "\t", "\0",
        "2023-01-01T00:00:00Z", "true", "-1.5",
    ];

    public static Gen<string> FieldName { get; } = Gen.OneOf(
        Gen.Elements("name", "description", "inserted_at", "tags.env", "archived", "a"),
        from first in Gen.Elements(FieldStarts.ToCharArray())
        from length in Gen.Choose(0, 63)
        from rest in Gen.ArrayOf(Gen.Elements(FieldParts.ToCharArray()), length)
        select first + new string(rest));

    public static Gen<string> Text { get; } =
        Gen.ListOf(Gen.OneOf(Gen.Elements(Fragments), ArbMap.Default.GeneratorFor<char>().Select(c => c.ToString())))
            .Select(parts => string.Concat(parts))
            .Select(text => text.Length > MaxGeneratedText ? text[..MaxGeneratedText] : text);

    public static Gen<decimal> Number { get; } = Gen.OneOf(
        Gen.Choose(-1000, 1000).Select(i => (decimal)i),
        Gen.Choose(-100_000, 100_000).Select(i => i / 100m),
        from lo in ArbMap.Default.GeneratorFor<int>()
        from mid in ArbMap.Default.GeneratorFor<int>()
        from hi in ArbMap.Default.GeneratorFor<int>()
        from negative in ArbMap.Default.GeneratorFor<bool>()
        from scale in Gen.Choose(0, 28)
        select new decimal(lo, mid, hi, negative, (byte)scale));

    // Whole seconds in UTC across the whole DateTime range, since that is all the language can express.
    public static Gen<DateTime> UtcDateTime { get; } =
        from seconds in ArbMap.Default.GeneratorFor<ulong>()
        let maxSeconds = (ulong)(DateTime.MaxValue.Ticks / TimeSpan.TicksPerSecond)
        select new DateTime((long)(seconds % (maxSeconds + 1)) * TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    public static Gen<SearchValue> ParsedValue { get; } = Gen.OneOf(
        Text.Select(SearchValue.FromString),
        Gen.Elements(true, false).Select(SearchValue.FromBoolean),
        Number.Select(SearchValue.FromNumber));

    public static Gen<SearchOperator> Operator { get; } = Gen.Elements(Enum.GetValues<SearchOperator>());

    public static Gen<SearchClause> Clause { get; } =
        from field in FieldName
        from op in Operator
        from value in ParsedValue
        select new SearchClause(field, op, value);

    public static Gen<SearchQuery> Query { get; } =
        from count in Gen.Choose(1, 5)
        from clauses in Gen.ListOf(Clause, count)
        select new SearchQuery(clauses);

    // Declared before MutatedQueryText because static initializers run in textual order.
    private static Gen<Func<string, string>> Edit { get; } = Gen.OneOf(
        from at in Gen.Choose(0, int.MaxValue)
        from c in Gen.Elements("'\\ and:-~<>=\"AZ09.".ToCharArray())
        select (Func<string, string>)(text => text.Insert(at % (text.Length + 1), c.ToString())),
        from at in Gen.Choose(0, int.MaxValue)
        select (Func<string, string>)(text => text.Length == 0 ? text : text.Remove(at % text.Length, 1)));

    // Valid query text with a few characters inserted or removed, to reach the parser's error paths
    // far more often than uniformly random strings do.
    public static Gen<string> MutatedQueryText { get; } =
        from query in Query
        from edits in Gen.ListOf(Edit, 3)
        select edits.Aggregate(query.ToString(), (text, edit) => edit(text));
}
