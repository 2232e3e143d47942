using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Hangar.Client;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Hangar.Cli.Output;

/// <summary>
/// Everything a command writes. Data (tables, JSON, secrets) goes to stdout so it can be piped; notes, hints and
/// errors go to stderr so they never corrupt that data.
/// </summary>
internal sealed class CommandOutput(OutputFormat format, TextWriter stdout, TextWriter stderr, bool isTerminal)
{
    // The API's own dialect (snake_case, nulls written), indented for people who read it too. Reflection after the
    // wire types' generated metadata serves the CLI's own shapes (profiles); the CLI is not trimmed.
    private static readonly JsonSerializerOptions JsonOptions = new(ApiTransport.JsonOptions)
    {
        WriteIndented = true,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ApiTransport.JsonOptions.TypeInfoResolver, new DefaultJsonTypeInfoResolver()),
    };

    // Wide enough that piped tables are never wrapped or truncated; a terminal uses its real width.
    private const int RedirectedWidth = 1000;

    public OutputFormat Format { get; } = format;

    public TextWriter Stdout { get; } = stdout;

    public TextWriter Stderr { get; } = stderr;

    /// <summary>Whether stdout is a terminal: progress bars and colours only then.</summary>
    public bool IsTerminal { get; } = isTerminal;

    public void Json<T>(T value) => Stdout.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>One resource: JSON as the API sent it, or a field/value table.</summary>
    public void Item<T>(T item, ResourceView<T> view)
    {
        if (Format == OutputFormat.Json)
        {
            Json(item);
            return;
        }

        var table = NewTable().AddColumn("FIELD").AddColumn("VALUE");
        foreach (var column in view.AllColumns)
        {
            table.AddRow(new Text(column.Header), new Text(column.Text(item)));
        }

        Render(table);
    }

    /// <summary>Rows of a list, one per item, with the view's list columns.</summary>
    public void Rows<T>(IEnumerable<T> items, ResourceView<T> view)
    {
        var table = NewTable();
        var columns = view.ListColumns.ToList();
        foreach (var column in columns)
        {
            table.AddColumn(column.Header);
        }

        foreach (var item in items)
        {
            table.AddRow(columns.Select(column => (IRenderable)new Text(column.Text(item))));
        }

        Render(table);
    }

    /// <summary>A line for people, on stderr.</summary>
    public void Note(string text) => Stderr.WriteLine(text);

    /// <summary>
    /// A secret in table mode: the value alone on its own stdout line (easy to copy or capture), the warning on stderr.
    /// In JSON mode the secret is already in the document, so only the warning is written.
    /// </summary>
    public void Secret(string label, string value, string warning)
    {
        if (Format == OutputFormat.Table)
        {
            Stdout.WriteLine();
            Stdout.WriteLine($"{label}:");
            Stdout.WriteLine(value);
        }

        Stderr.WriteLine();
        Stderr.WriteLine(warning);
    }

    private static Table NewTable() => new Table().Border(TableBorder.Rounded);

    private void Render(IRenderable renderable)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Stdout),
            Ansi = IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!IsTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        console.Write(renderable);
    }
}
