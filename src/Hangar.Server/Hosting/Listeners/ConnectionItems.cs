namespace Hangar.Server.Hosting.Listeners;

/// <summary>What a connection carries for its requests, in Kestrel's per-connection items.</summary>
internal static class ConnectionItems
{
    /// <summary>The listener the connection came in on.</summary>
    public const string Listener = "hangar.listener";

    /// <summary>The client certificate once a request read it, left here for the connection to dispose when it ends.</summary>
    public const string ClientCertificate = "hangar.client-certificate";
}
