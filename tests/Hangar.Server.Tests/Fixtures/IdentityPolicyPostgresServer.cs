using Hangar.Testing;

namespace Hangar.Server.Tests.Fixtures;

public sealed class IdentityPolicyPostgresServer() : IdentityPolicyServer(DatabaseKind.Postgres);
