namespace Hangar.Cli.Output;

internal enum OutputFormat
{
    /// <summary>Human-readable tables on stdout, notes on stderr.</summary>
    Table,

    /// <summary>The API's own JSON (snake_case) on stdout, for scripts.</summary>
    Json,
}
