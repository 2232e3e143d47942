using System.Globalization;
using System.Text;

namespace Hangar.Storage;

/// <summary>
/// The <c>manifest</c> file of an object stored as the parts it was uploaded in: the object's size and SHA-256, then
/// each part file of the object's directory in order with its size. Written (and fsynced) before the directory is
/// renamed into place, so a visible object always has one.
/// <code>
/// hangar-object-parts/1 1073741824 9f86d0…
/// 33554432 00001-5f1c….part
/// …
/// </code>
/// </summary>
internal sealed record PartManifest(long Size, string Sha256, IReadOnlyList<PartManifest.Entry> Parts)
{
    public const string FileName = "manifest";

    private const string Header = "hangar-object-parts/1";

    public sealed record Entry(string File, long Size);

    public string Serialize()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Header} {Size} {Sha256}\n");
        foreach (var part in Parts)
        {
            text.Append(CultureInfo.InvariantCulture, $"{part.Size} {part.File}\n");
        }

        return text.ToString();
    }

    /// <summary>Reads a manifest, refusing anything malformed: part names that could leave the directory, sizes that do not add up.</summary>
    public static PartManifest Parse(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines.Length > 0 ? lines[0].Split(' ') : [];
        if (header.Length != 3 || header[0] != Header || !TryParseSize(header[1], out var size) || !BlobNames.IsSha256(header[2]))
        {
            throw new InvalidDataException("not a part manifest");
        }

        var parts = new List<Entry>(lines.Length - 1);
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(' ');
            if (fields.Length != 2 || !TryParseSize(fields[0], out var partSize) || !IsPartFileName(fields[1]))
            {
                throw new InvalidDataException($"malformed part manifest line '{line}'");
            }

            parts.Add(new Entry(fields[1], partSize));
        }

        return parts.Sum(p => p.Size) == size ? new PartManifest(size, header[2], parts) : throw new InvalidDataException("the part sizes do not add up to the object's size");
    }

    /// <summary>Part files are <c>NNNNN-&lt;sha256&gt;.part</c>, or <c>NNNNN.part</c> as staged before parts were named by content.</summary>
    public static bool IsPartFileName(string name) =>
        name.EndsWith(".part", StringComparison.Ordinal) && name.Length is 10 or 75
        && name[..5].All(char.IsAsciiDigit) && (name.Length == 10 || name[5] == '-' && BlobNames.IsSha256(name[6..70]));

    private static bool TryParseSize(string text, out long size) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size);
}
