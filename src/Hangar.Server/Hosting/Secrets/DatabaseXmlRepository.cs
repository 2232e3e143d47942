using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Hangar.Server.Hosting.Secrets;

/// <summary>
/// ASP.NET Core's data-protection key ring in the database, one sealed <see cref="ServerSecrets"/> row per key, so
/// every node reads idempotent responses and webhook secrets another node protected. Keys an older version kept in
/// <c>&lt;data&gt;/keys/*.xml</c> are imported the first time the ring is read, so nothing protected before an
/// upgrade becomes unreadable.
/// </summary>
internal sealed class DatabaseXmlRepository(ServerSecrets secrets, string legacyDirectory, ILogger logger) : IXmlRepository
{
    public const string Prefix = "data-protection/";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var stored = secrets.List(Prefix);
        if (stored.Count == 0 && ImportLegacyKeys() > 0)
        {
            stored = secrets.List(Prefix);
        }

        return [.. stored.Select(s => XElement.Parse(Encoding.UTF8.GetString(s.Value)))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        // Key names are unique ("key-<guid>"), so a failed insert means another node stored this very element.
        secrets.TryAdd(Prefix + friendlyName, Encoding.UTF8.GetBytes(element.ToString(SaveOptions.DisableFormatting)));
    }

    private int ImportLegacyKeys()
    {
        if (!Directory.Exists(legacyDirectory))
        {
            return 0;
        }

        var files = Directory.GetFiles(legacyDirectory, "*.xml");
        foreach (var file in files)
        {
            // Two nodes importing the same files at once: the names collide and the first insert stands.
            var element = XElement.Load(file);
            secrets.TryAdd(Prefix + Path.GetFileNameWithoutExtension(file), Encoding.UTF8.GetBytes(element.ToString(SaveOptions.DisableFormatting)));
        }

        if (files.Length > 0)
        {
            logger.LogInformation("Imported {Count} data-protection keys from {Directory} into the database; the files are no longer used", files.Length, legacyDirectory);
        }

        return files.Length;
    }
}
