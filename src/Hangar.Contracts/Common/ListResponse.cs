namespace Hangar.Contracts.Common;

/// <summary>One page of a list. <see cref="NextPage"/> is an opaque cursor for the following page, or null at the end.</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Data, string? NextPage);
