namespace Hangar.Architecture.Tests;

/// <summary>
/// The dependency rules of docs/architecture.md, checked on the compiled assemblies (signatures and method bodies):
/// each failure names the offending types.
/// </summary>
public sealed class DependencyRuleTests
{
    // The executables' assembly names are their commands'.
    private const string Server = "hangar-server";
    private const string Cli = "hangar";
    private const string Agent = "hangar-agent";
    private const string Features = "Hangar.Server.Features.";
    private const string Hosting = "Hangar.Server.Hosting";

    /// <summary>Features every feature may use, which use no feature themselves.</summary>
    private static readonly string[] Infrastructure = ["Audit", "Events", "Idempotency"];

    [Fact]
    public void Hosting_ReferencesNoFeature()
    {
        var violations = ServerDependencies()
            .Where(d => InNamespace(d.SourceNamespace, Hosting) && d.TargetNamespace.StartsWith(Features, StringComparison.Ordinal))
            .ToList();

        AssertNone(violations, "Hosting/ must not reference Features/ (a feature registers itself; composition belongs to the root)");
    }

    [Fact]
    public void Features_FormNoCycle()
    {
        var edges = FeatureEdges();
        var cycles = StronglyConnected(edges.Keys).Where(component => component.Count > 1).ToList();
        var violations = cycles
            .SelectMany(component => edges.Where(e => component.Contains(e.Key.From) && component.Contains(e.Key.To)).SelectMany(e => e.Value))
            .ToList();

        AssertNone(violations, $"features must not form cycles ({string.Join("; ", cycles.Select(c => string.Join(" ↔ ", c.Order())))})");
    }

    [Fact]
    public void Infrastructure_ReferencesNoOtherFeature()
    {
        var violations = FeatureEdges()
            .Where(e => Infrastructure.Contains(e.Key.From) && !Infrastructure.Contains(e.Key.To))
            .SelectMany(e => e.Value)
            .ToList();

        AssertNone(violations, $"{string.Join(", ", Infrastructure)} are infrastructure every feature uses: they use no other feature");
    }

    [Theory]
    [InlineData(Agent, new[] { Server, "Hangar.Data", "Hangar.Data.Sqlite", "Hangar.Data.Postgres", "Hangar.Client" })]
    [InlineData(Cli, new[] { Server, "Hangar.Data", "Hangar.Data.Sqlite", "Hangar.Data.Postgres" })]
    [InlineData("Hangar.Client", new[] { Server, "Hangar.Data", "Hangar.Data.Sqlite", "Hangar.Data.Postgres" })]
    public void Project_ReferencesNoForbiddenProject(string project, string[] forbidden)
    {
        var violations = AssemblyDependencies.Of(project).Where(d => forbidden.Contains(d.TargetAssembly)).ToList();

        AssertNone(violations, $"{project} must not reference {string.Join(", ", forbidden)}");
        Assert.Empty(AssemblyDependencies.ReferencedAssemblies(project).Intersect(forbidden));
    }

    [Theory]
    [InlineData("Hangar.Contracts")]
    [InlineData("Hangar.Core")]
    public void Foundation_ReferencesNoHangarProject(string project)
    {
        var violations = AssemblyDependencies.Of(project)
            .Where(d => d.TargetAssembly != project && IsHangar(d.TargetAssembly)).ToList();

        AssertNone(violations, $"{project} depends on nothing of ours");
        Assert.DoesNotContain(AssemblyDependencies.ReferencedAssemblies(project), IsHangar);
    }

    private static bool IsHangar(string assembly) => assembly.StartsWith("hangar", StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<TypeDependency> ServerDependencies() => AssemblyDependencies.Of(Server);

    private static bool InNamespace(string name, string prefix) =>
        name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal);

    /// <summary>Feature → feature references (Hangar.Server.Features.X → .Y), each with the type uses behind it.</summary>
    private static Dictionary<(string From, string To), List<TypeDependency>> FeatureEdges() =>
        ServerDependencies()
            .Where(d => d.SourceNamespace.StartsWith(Features, StringComparison.Ordinal) && d.TargetNamespace.StartsWith(Features, StringComparison.Ordinal))
            .Select(d => (Edge: (From: Feature(d.SourceNamespace), To: Feature(d.TargetNamespace)), Dependency: d))
            .Where(e => e.Edge.From != e.Edge.To)
            .GroupBy(e => e.Edge, e => e.Dependency)
            .ToDictionary(g => g.Key, g => g.OrderBy(d => d.Source, StringComparer.Ordinal).ThenBy(d => d.Target, StringComparer.Ordinal).ToList());

    private static string Feature(string ns) => ns[Features.Length..].Split('.')[0];

    /// <summary>Tarjan's strongly connected components: each is a set of features that reach one another.</summary>
    private static List<HashSet<string>> StronglyConnected(IEnumerable<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var nodes = next.Keys.Concat(next.Values.SelectMany(v => v)).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var components = new List<HashSet<string>>();
        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return components;

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var to in next.GetValueOrDefault(node, []))
            {
                if (!index.ContainsKey(to))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (stack.Contains(to) && index.TryGetValue(to, out var reached))
                {
                    low[node] = Math.Min(low[node], reached);
                }
            }

            if (low[node] == index[node])
            {
                var component = new HashSet<string>(StringComparer.Ordinal);
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);
                components.Add(component);
            }
        }
    }

    private static void AssertNone(List<TypeDependency> violations, string rule)
    {
        if (violations.Count > 0)
        {
            Assert.Fail($"{rule}; offending type uses:\n  " + string.Join("\n  ", violations.Distinct().Select(v => v.ToString()).Order(StringComparer.Ordinal)));
        }
    }
}
