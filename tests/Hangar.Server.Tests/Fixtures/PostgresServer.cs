using Hangar.Testing;

namespace Hangar.Server.Tests.Fixtures;

public sealed class PostgresServer() : ServerFixture(DatabaseKind.Postgres);
