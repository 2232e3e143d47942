using Hangar.Server.Tests.Fixtures;

[assembly: AssemblyFixture(typeof(SqliteServer))]
[assembly: AssemblyFixture(typeof(PostgresServer))]
