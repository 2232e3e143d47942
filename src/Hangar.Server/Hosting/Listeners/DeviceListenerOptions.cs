namespace Hangar.Server.Hosting.Listeners;

/// <summary>How the device listener's TLS handshake treats client certificates; set by the device identity feature.</summary>
internal sealed class DeviceListenerOptions
{
    /// <summary>
    /// A connection may come without a client certificate: only with trusted TLS-terminating proxies configured, whose
    /// connections carry the device's certificate in a header instead.
    /// </summary>
    public bool CertificateOptional { get; set; }
}
