namespace Hangar.Server.Hosting.Database;

internal enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
