namespace Hangar.Server.Hosting.Authentication;

internal enum CallerKind
{
    ApiKey,
    Session,
}
