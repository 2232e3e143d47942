using System.Text.Json;

namespace Hangar.Server.Tests.Ddi;

/// <summary>
/// Compares a DDI answer with hawkBit's documented example (HawkBitExamples/*.json): every field Hangar sends exists in
/// the example at the same place with the same JSON type, and every field of the example is sent unless it is one
/// hawkBit itself leaves out in some answers. Values are Hangar's own; only names, nesting and types are compared.
/// Under <c>_links</c> the relations present depend on the state, so each one is checked as a link, not by name.
/// </summary>
internal static class HawkBitShape
{
    private static readonly HashSet<string> Optional = new(StringComparer.Ordinal) { "maintenanceWindow", "encrypted", "metadata", "actionHistory", "_links" };

    public static JsonElement Example(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Ddi", "HawkBitExamples", name)),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return document.RootElement.Clone();
    }

    public static void AssertMatches(JsonElement example, JsonElement actual, string path = "$")
    {
        Assert.True(example.ValueKind == actual.ValueKind, $"{path}: hawkBit sends {example.ValueKind}, Hangar {actual.ValueKind}");
        switch (actual.ValueKind)
        {
            case JsonValueKind.Object when path.EndsWith("._links", StringComparison.Ordinal):
                var documented = example.EnumerateObject().First().Value;
                foreach (var link in actual.EnumerateObject())
                {
                    AssertMatches(documented, link.Value, $"{path}.{link.Name}");
                }

                break;
            case JsonValueKind.Object:
                foreach (var field in actual.EnumerateObject())
                {
                    Assert.True(example.TryGetProperty(field.Name, out var expected), $"{path}.{field.Name}: not in hawkBit's example");
                    AssertMatches(expected, field.Value, $"{path}.{field.Name}");
                }

                foreach (var field in example.EnumerateObject().Where(f => !Optional.Contains(f.Name)))
                {
                    Assert.True(actual.TryGetProperty(field.Name, out _), $"{path}.{field.Name}: hawkBit's example has it, Hangar's answer does not");
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in actual.EnumerateArray())
                {
                    AssertMatches(example[0], item, path + "[]");
                }

                break;
        }
    }
}
