using Hangar.Testing;

namespace Hangar.Server.Tests.Fixtures;

public sealed class ClockPostgresServer() : ClockServer(DatabaseKind.Postgres);
