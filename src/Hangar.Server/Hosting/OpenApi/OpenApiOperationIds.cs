using System.Globalization;
using System.Text;
using Microsoft.OpenApi;

namespace Hangar.Server.Hosting.OpenApi;

/// <summary>
/// An operationId for every operation, made from its summary ("Get a device certificate" → <c>getDeviceCertificate</c>)
/// so client generators get readable method names; a summary used twice gets the HTTP method appended, then a number.
/// </summary>
internal static class OpenApiOperationIds
{
    // Articles, and the "s" of a possessive ("a device's updates"), add nothing to a method name.
    private static readonly HashSet<string> Skipped = new(["a", "an", "the", "s"], StringComparer.OrdinalIgnoreCase);

    public static void Assign(OpenApiDocument document)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                if (operation.OperationId is { Length: > 0 } named && taken.Add(named))
                {
                    continue;
                }

                var id = FromWords(operation.Summary ?? $"{method} {path}");
                if (!taken.Add(id))
                {
                    id += FromWords(method.ToString());
                    var candidate = id;
                    for (var n = 2; !taken.Add(candidate); n++)
                    {
                        candidate = id + n.ToString(CultureInfo.InvariantCulture);
                    }

                    id = candidate;
                }

                operation.OperationId = id;
            }
        }
    }

    private static string FromWords(string text)
    {
        var id = new StringBuilder();
        foreach (var word in text.Split((char[])[' ', '-', '_', '/', '{', '}', '.', ',', '\'', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string([.. word.Where(char.IsAsciiLetterOrDigit)]);
            if (letters.Length == 0 || Skipped.Contains(letters))
            {
                continue;
            }

            id.Append(id.Length == 0 ? char.ToLowerInvariant(letters[0]) : char.ToUpperInvariant(letters[0]));
            id.Append(id.Length == 1 && letters.All(char.IsUpper) ? letters[1..].ToLowerInvariant() : letters[1..]);
        }

        return id.ToString();
    }
}
