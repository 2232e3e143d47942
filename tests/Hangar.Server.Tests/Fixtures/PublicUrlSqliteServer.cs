using Hangar.Testing;

namespace Hangar.Server.Tests.Fixtures;

public sealed class PublicUrlSqliteServer() : PublicUrlServer(DatabaseKind.Sqlite);
