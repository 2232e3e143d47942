using Hangar.Testing;

namespace Hangar.Server.Tests.Fixtures;

public sealed class PublicUrlPostgresServer() : PublicUrlServer(DatabaseKind.Postgres);
