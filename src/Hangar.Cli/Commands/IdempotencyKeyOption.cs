using System.CommandLine;
using Hangar.Client;

namespace Hangar.Cli.Commands;

/// <summary><c>--idempotency-key</c> on create commands: the same key makes a retried invocation return the first result.</summary>
internal static class IdempotencyKeyOption
{
    public static Option<string?> Create() => new("--idempotency-key")
    {
        Description = "Key that makes this create safe to retry: repeating the command with the same key returns the first result " +
            "instead of creating a duplicate (kept 24 hours). A fresh key is generated when omitted.",
        HelpName = "key",
    };

    public static RequestOptions Read(ParseResult parseResult, Option<string?> option, TimeProvider time) =>
        new(parseResult.GetValue(option) ?? Guid.CreateVersion7(time.GetUtcNow()).ToString());
}
