namespace Hangar.Testing;

/// <summary>The two database providers every database-touching test runs against.</summary>
public enum DatabaseKind
{
    Sqlite,
    Postgres,
}
