using System.Diagnostics.CodeAnalysis;

namespace Hangar.Core.Versions;

/// <summary>
/// A version requirement in the Elixir/Peridio syntax: comparisons joined by <c>and</c> / <c>or</c> (<c>and</c> binds
/// tighter), operators <c>==</c> <c>!=</c> <c>&gt;</c> <c>&gt;=</c> <c>&lt;</c> <c>&lt;=</c> and <c>~&gt;</c>, e.g.
/// <c>&gt;= 1.0.0 and &lt; 2.0.0</c> or <c>~&gt; 2.1</c>. <c>~&gt; 2.1</c> means <c>&gt;= 2.1.0 and &lt; 3.0.0-0</c>;
/// <c>~&gt; 2.1.3</c> means <c>&gt;= 2.1.3 and &lt; 2.2.0-0</c>: the <c>-0</c> keeps pre-releases of the next
/// version (3.0.0-rc.1) out, as a reader of "~&gt; 2.1" expects.
/// </summary>
public sealed class VersionRequirement
{
    public const int MaxLength = 1024;
    private const int MaxClauses = 32;

    // Two-character operators first, so ">=" is not read as ">" followed by "=1.0.0".
    private static readonly string[] Operators = ["==", "!=", ">=", "<=", "~>", ">", "<"];

    private readonly IReadOnlyList<IReadOnlyList<(string Operator, SemanticVersion Version)>> _alternatives;

    private VersionRequirement(string text, IReadOnlyList<IReadOnlyList<(string, SemanticVersion)>> alternatives)
    {
        Text = text;
        _alternatives = alternatives;
    }

    public string Text { get; }

    public override string ToString() => Text;

    public bool IsSatisfiedBy(SemanticVersion version) =>
        _alternatives.Any(all => all.All(clause => Holds(clause.Operator, version, clause.Version)));

    public static VersionRequirement Parse(string text) =>
        TryParse(text, out var requirement, out var error) ? requirement : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out VersionRequirement? requirement, [NotNullWhen(false)] out string? error)
    {
        requirement = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            error = $"a version requirement must be 1 to {MaxLength} characters";
            return false;
        }

        var alternatives = new List<IReadOnlyList<(string, SemanticVersion)>>();
        var count = 0;
        foreach (var alternative in Split(text.Trim(), " or "))
        {
            var clauses = new List<(string, SemanticVersion)>();
            foreach (var clause in Split(alternative, " and "))
            {
                if (++count > MaxClauses)
                {
                    error = $"at most {MaxClauses} comparisons are allowed";
                    return false;
                }

                if (!TryParseClause(clause.Trim(), clauses, out error))
                {
                    return false;
                }
            }

            alternatives.Add(clauses);
        }

        requirement = new VersionRequirement(text.Trim(), alternatives);
        error = null;
        return true;
    }

    private static bool TryParseClause(string clause, List<(string, SemanticVersion)> into, [NotNullWhen(false)] out string? error)
    {
        var op = Operators.FirstOrDefault(o => clause.StartsWith(o, StringComparison.Ordinal)) ?? "==";
        var operand = (clause.StartsWith(op, StringComparison.Ordinal) ? clause[op.Length..] : clause).Trim();
        if (op == "~>" && operand.Count(c => c == '.') == 1 && SemanticVersion.TryParse(operand + ".0", out var shortForm) && !shortForm.IsPreRelease)
        {
            into.Add((">=", shortForm));
            into.Add(("<", SemanticVersion.Create(shortForm.Major + 1, 0, 0, "0")));
            error = null;
            return true;
        }

        if (!SemanticVersion.TryParse(operand, out var version))
        {
            error = $"'{clause}' is not a comparison like '>= 1.2.0' or '~> 2.1'";
            return false;
        }

        if (op == "~>")
        {
            into.Add((">=", version));
            into.Add(("<", SemanticVersion.Create(version.Major, version.Minor + 1, 0, "0")));
        }
        else
        {
            into.Add((op, version));
        }

        error = null;
        return true;
    }

    private static bool Holds(string op, SemanticVersion actual, SemanticVersion bound) => op switch
    {
        "==" => actual == bound,
        "!=" => actual != bound,
        ">" => actual > bound,
        ">=" => actual >= bound,
        "<" => actual < bound,
        "<=" => actual <= bound,
        _ => false,
    };

    private static string[] Split(string text, string separator) => text.Split(separator, StringSplitOptions.TrimEntries);
}
