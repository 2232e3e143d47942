namespace Hangar.Cli.Output;

/// <summary>
/// How one resource type reads in a table: its columns in order. A list shows the columns marked for lists; a
/// single resource shows every column as a field/value pair.
/// </summary>
internal sealed class ResourceView<T>
{
    private readonly List<Column> _columns = [];

    public IEnumerable<Column> ListColumns => _columns.Where(c => c.InList);

    public IEnumerable<Column> AllColumns => _columns;

    public ResourceView<T> Add(string header, Func<T, object?> value, bool inList = true)
    {
        _columns.Add(new Column(header, value, inList));
        return this;
    }

    public sealed record Column(string Header, Func<T, object?> Value, bool InList)
    {
        public string Text(T item) => CellText.Format(Value(item));
    }
}
