namespace Hangar.Console.Events;

/// <summary>Where a page's event stream stands, as its status line says it.</summary>
internal enum StreamState
{
    Connecting,
    Live,
    Reconnecting,

    /// <summary>The API refused the stream (the role may not read events): no further attempts.</summary>
    Refused,
}
