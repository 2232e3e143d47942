using Hangar.Testing;

namespace Hangar.Server.Tests.Fixtures;

public sealed class ClockSqliteServer() : ClockServer(DatabaseKind.Sqlite);
