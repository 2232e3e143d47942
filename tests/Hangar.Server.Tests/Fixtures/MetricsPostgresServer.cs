using Hangar.Testing;

namespace Hangar.Server.Tests.Fixtures;

public sealed class MetricsPostgresServer() : MetricsServer(DatabaseKind.Postgres);
