namespace Hangar.Contracts.Common;

/// <summary>
/// The stable machine-readable <c>code</c> of every error the API answers. Clients branch on these, never on titles
/// or details, so a code is never renamed once released.
/// </summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string InvalidJson = "invalid_json";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string InvalidSearch = "invalid_search";
    public const string InvalidCursor = "invalid_cursor";
    public const string InvalidParameter = "invalid_parameter";
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string InsufficientRole = "insufficient_role";
    public const string AntiforgeryFailed = "antiforgery_failed";
    public const string NotFound = "not_found";
    public const string AmbiguousReference = "ambiguous_reference";
    public const string Conflict = "conflict";
    public const string AlreadyExists = "already_exists";
    public const string RoleTooHigh = "role_too_high";
    public const string LastOwner = "last_owner";
    public const string InvalidCredentials = "invalid_credentials";
    public const string AccountLocked = "account_locked";
    public const string InvalidInvitation = "invalid_invitation";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string IdempotencyRequestInProgress = "idempotency_request_in_progress";
    public const string RateLimited = "rate_limited";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string InternalError = "internal_error";
    public const string DatabaseUnavailable = "database_unavailable";
    public const string Unavailable = "unavailable";
    public const string InsufficientStorage = "insufficient_storage";
    public const string RangeNotSatisfiable = "range_not_satisfiable";
    public const string WebhookDisabled = "webhook_disabled";
    public const string WebhookAddressRefused = "webhook_address_refused";
    public const string ProductHasDevices = "product_has_devices";
    public const string ProductArchived = "product_archived";
    public const string InUse = "in_use";
    public const string InvalidCertificate = "invalid_certificate";
    public const string InvalidVerificationCode = "invalid_verification_code";
    public const string ImportFailed = "import_failed";
    public const string TooManyMatches = "too_many_matches";
    public const string DeviceUnauthenticated = "device_unauthenticated";
    public const string InvalidStateTransition = "invalid_state_transition";
    public const string InvalidState = "invalid_state";
    public const string UploadIncomplete = "upload_incomplete";
    public const string PartHashMismatch = "part_hash_mismatch";
    public const string PartSizeMismatch = "part_size_mismatch";
    public const string InvalidSignature = "invalid_signature";
    public const string InvalidPublicKey = "invalid_public_key";
    public const string DownloadUrlExpired = "download_url_expired";
    public const string DownloadUrlInvalid = "download_url_invalid";
    public const string DownloadUrlWrongDevice = "download_url_wrong_device";
    public const string ContentGone = "content_gone";
    public const string BinaryNotSigned = "binary_not_signed";
    public const string UpdateNotOffered = "update_not_offered";
    public const string UpdateTransitionInvalid = "update_transition_invalid";
    public const string UpdateAborted = "update_aborted";
    public const string ReportIdReused = "report_id_reused";
    public const string BundleNotDeliverable = "bundle_not_deliverable";
    public const string BundleTargetMismatch = "bundle_target_mismatch";
    public const string SigningKeyRevoked = "signing_key_revoked";

    // Release graph rules (Hangar.Core.Releases.ReleaseGraphRules and ReleaseGraphEdit use the same strings).
    public const string ReleaseGraphCycle = "release_graph_cycle";
    public const string ReleaseGraphDanglingNext = "release_graph_dangling_next";
    public const string ReleaseGraphSeveralLatest = "release_graph_several_latest";
    public const string ReleaseGraphConstrainedBeforeLatest = "release_graph_constrained_before_latest";
    public const string ReleaseGraphSeveralPhased = "release_graph_several_phased";
    public const string ReleaseInvalidPhase = "release_invalid_phase";
    public const string ReleaseNotInCohort = "release_not_in_cohort";
    public const string ReleasesNotAdjacent = "releases_not_adjacent";
    public const string ReleaseHalted = "release_halted";
    public const string ReleaseNotLatest = "release_not_latest";
    public const string NoRollbackTarget = "no_rollback_target";

    // Control socket and presence.
    public const string DeviceOffline = "device_offline";
    public const string DeviceQuarantined = "device_quarantined";
    public const string WebSocketRequired = "websocket_required";
    public const string ControlSocketBusy = "control_socket_busy";
    public const string InvalidFrame = "invalid_frame";
    public const string UnknownFrameType = "unknown_frame_type";
    // Telemetry intake (POST /device/v1/telemetry): a refused batch stores nothing.
    public const string TelemetryTooManyPoints = "telemetry_too_many_points";
    public const string TelemetryInvalidMetric = "telemetry_invalid_metric";
    public const string TelemetryTimeOutOfRange = "telemetry_time_out_of_range";
    public const string TelemetryNameLimit = "telemetry_name_limit";
    public const string TelemetrySeriesLimit = "telemetry_series_limit";
    public const string TelemetryRateLimited = "telemetry_rate_limited";
    public const string TelemetryQueueFull = "telemetry_queue_full";
    // Server metrics: /metrics is the server operator's, never an organization's.
    public const string ScrapeTokenRequired = "scrape_token_required";

    // Remote access tunnels.
    public const string TunnelClosed = "tunnel_closed";
    public const string TunnelNotOpen = "tunnel_not_open";
    public const string TunnelAddressRefused = "tunnel_address_refused";
    public const string TunnelLifetimeExceeded = "tunnel_lifetime_exceeded";
    public const string TunnelDeviceUnreachable = "tunnel_device_unreachable";

    // Device health rules.
    public const string HealthRuleInvalidMetric = "health_rule_invalid_metric";
    public const string HealthRuleInvalidWindow = "health_rule_invalid_window";
    public const string HealthRuleLimit = "health_rule_limit";
}
