using Hangar.Testing;

namespace Hangar.Server.Tests.Fixtures;

public sealed class PresencePostgresServer() : PresenceServer(DatabaseKind.Postgres);
