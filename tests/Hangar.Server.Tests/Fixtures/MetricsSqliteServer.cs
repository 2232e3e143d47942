using Hangar.Testing;

namespace Hangar.Server.Tests.Fixtures;

public sealed class MetricsSqliteServer() : MetricsServer(DatabaseKind.Sqlite);
