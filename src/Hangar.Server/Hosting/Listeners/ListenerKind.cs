namespace Hangar.Server.Hosting.Listeners;

/// <summary>The two front doors. An API is served only on the listener it belongs to.</summary>
internal enum ListenerKind
{
    Admin,
    Device,
}
