using Hangar.Testing;

namespace Hangar.Server.Tests.Fixtures;

public sealed class WebhookPostgresServer() : WebhookServer(DatabaseKind.Postgres);
