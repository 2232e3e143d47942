namespace Hangar.Bench.Updates;

internal sealed record BenchRelease(Guid Id, Guid BundleId, string Version);
