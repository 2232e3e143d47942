namespace Hangar.Data.System;

/// <summary>
/// A named lease: work that one node of several must do at a time (a maintenance job) is done by the
/// <see cref="Holder"/> until <see cref="ExpiresAt"/>, unless it renews the lease before then.
/// </summary>
public sealed class Lease
{
    public required string Name { get; init; }
    public required string Holder { get; set; }
    public required DateTime ExpiresAt { get; set; }
}
