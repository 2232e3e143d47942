namespace Hangar.Client;

/// <summary>Per-call options. <see cref="IdempotencyKey"/> makes a create safe to retry.</summary>
public sealed record RequestOptions(string? IdempotencyKey = null);
