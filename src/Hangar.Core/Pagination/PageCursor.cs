using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Hangar.Core.Pagination;

/// <summary>
/// An opaque list cursor: the id of the last item returned (ids are UUIDv7, so id order is creation order and a
/// keyset on it stays stable while rows are inserted), the order, and a fingerprint of the query it belongs to so
/// a cursor cannot be replayed against a different search or order.
/// </summary>
public sealed record PageCursor(Guid AfterId, SortOrder Order, string QueryFingerprint)
{
    private const string Version = "c1";

    public string Encode()
    {
        var text = $"{Version}|{(Order == SortOrder.Ascending ? "a" : "d")}|{AfterId:N}|{QueryFingerprint}";
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    public static bool TryDecode(string? encoded, [NotNullWhen(true)] out PageCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(encoded) || encoded.Length > 256)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(encoded);
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(bytes).Split('|');
        if (parts.Length != 4 || parts[0] != Version || !Guid.TryParseExact(parts[2], "N", out var afterId))
        {
            return false;
        }

        SortOrder? order = parts[1] switch { "a" => SortOrder.Ascending, "d" => SortOrder.Descending, _ => null };
        if (order is null)
        {
            return false;
        }

        cursor = new PageCursor(afterId, order.Value, parts[3]);
        return true;
    }

    /// <summary>A short stable digest of whatever defines the list (search text, filters).</summary>
    public static string Fingerprint(string queryDefinition)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(queryDefinition));
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
