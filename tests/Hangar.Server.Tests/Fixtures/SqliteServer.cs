using Hangar.Testing;

namespace Hangar.Server.Tests.Fixtures;

public sealed class SqliteServer() : ServerFixture(DatabaseKind.Sqlite);
