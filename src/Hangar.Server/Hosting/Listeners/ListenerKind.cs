namespace Hangar.Server.Hosting.Listeners;

/// <summary>The front doors. An API is served only on the listeners it belongs to.</summary>
internal enum ListenerKind
{
    Admin,
    Device,

    /// <summary>The optional listener for hawkBit DDI clients with tokens instead of client certificates (docs/adr/0013).</summary>
    Ddi,
}
