namespace Hangar.Contracts.Common;

/// <summary>
/// What each check found. <c>database</c>: <c>ok</c> or <c>unavailable</c>; <c>blob_store</c>: <c>ok</c> or
/// <c>insufficient_storage</c>; <c>tls_certificate</c>: <c>ok</c>, <c>expiring</c> or <c>expired</c>.
/// </summary>
public sealed record HealthChecks(string Database, string BlobStore, string TlsCertificate);
