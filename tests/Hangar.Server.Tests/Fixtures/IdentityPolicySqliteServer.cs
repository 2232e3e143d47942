using Hangar.Testing;

namespace Hangar.Server.Tests.Fixtures;

public sealed class IdentityPolicySqliteServer() : IdentityPolicyServer(DatabaseKind.Sqlite);
