namespace Hangar.Server.Features.Telemetry;

/// <summary>The series a device has, by name and canonical labels, as read from the database and added since.</summary>
internal sealed class DeviceSeriesSet
{
    private readonly Dictionary<(string Name, string Labels), long> _ids = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public Lock Gate { get; } = new();

    public int SeriesCount => _ids.Count;

    public int NameCount => _names.Count;

    public bool HasName(string name) => _names.Contains(name);

    public bool TryGet(string name, string labels, out long id) => _ids.TryGetValue((name, labels), out id);

    public void Add(string name, string labels, long id)
    {
        _ids[(name, labels)] = id;
        _names.Add(name);
    }
}
