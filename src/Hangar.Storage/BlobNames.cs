namespace Hangar.Storage;

/// <summary>The names a store accepts. Both become path segments, so nothing outside these alphabets may pass.</summary>
public static class BlobNames
{
    public static bool IsSha256(string? value) =>
        value is { Length: 64 } && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    public static bool IsUploadId(string? value) =>
        value is { Length: >= 1 and <= 64 } && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'z' or '-');
}
