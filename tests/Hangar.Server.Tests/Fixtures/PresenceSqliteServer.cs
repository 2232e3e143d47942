using Hangar.Testing;

namespace Hangar.Server.Tests.Fixtures;

public sealed class PresenceSqliteServer() : PresenceServer(DatabaseKind.Sqlite);
