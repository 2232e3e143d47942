using System.Net;

namespace Hangar.Server.Features.Tunnels;

/// <summary>A tunnel's CIDR allow-list, stored as blocks separated by single spaces; empty allows every address.</summary>
internal static class CidrAllowlist
{
    public const int MaxBlocks = 32;

    public static bool TryParse(IReadOnlyList<string>? blocks, out string stored, out string? error)
    {
        stored = "";
        error = null;
        if (blocks is null || blocks.Count == 0)
        {
            return true;
        }

        if (blocks.Count > MaxBlocks)
        {
            error = $"At most {MaxBlocks} blocks.";
            return false;
        }

        var parsed = new List<string>();
        foreach (var block in blocks)
        {
            if (!IPNetwork.TryParse(block, out var network))
            {
                error = $"'{block}' is not a CIDR block (203.0.113.0/24, 2001:db8::/32) with no bits set past its prefix.";
                return false;
            }

            parsed.Add(network.ToString());
        }

        stored = string.Join(' ', parsed.Distinct());
        return true;
    }

    public static IReadOnlyList<string> Blocks(string stored) => stored.Length == 0 ? [] : stored.Split(' ');

    public static bool Allows(string stored, IPAddress? address)
    {
        if (stored.Length == 0)
        {
            return true;
        }

        if (address is null)
        {
            return false;
        }

        // A v4 client on a dual-stack socket shows as ::ffff:a.b.c.d; the allow-list names it as a.b.c.d.
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return Blocks(stored).Any(block => IPNetwork.Parse(block).Contains(plain));
    }
}
