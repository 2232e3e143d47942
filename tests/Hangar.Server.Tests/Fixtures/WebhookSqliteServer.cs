using Hangar.Testing;

namespace Hangar.Server.Tests.Fixtures;

public sealed class WebhookSqliteServer() : WebhookServer(DatabaseKind.Sqlite);
