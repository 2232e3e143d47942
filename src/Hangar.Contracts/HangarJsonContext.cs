using System.Text.Json;
using System.Text.Json.Serialization;
using Hangar.Contracts.Access;
using Hangar.Contracts.Audit;
using Hangar.Contracts.Common;
using Hangar.Contracts.Ddi;
using Hangar.Contracts.DeviceHealth;
using Hangar.Contracts.Devices;
using Hangar.Contracts.Events;
using Hangar.Contracts.Firmware;
using Hangar.Contracts.Fleet;
using Hangar.Contracts.Organizations;
using Hangar.Contracts.Releases;
using Hangar.Contracts.Telemetry;
using Hangar.Contracts.Tunnels;
using Hangar.Contracts.Updates;
using Hangar.Contracts.Webhooks;

namespace Hangar.Contracts;

/// <summary>
/// Every type on the wire (Admin API, device API, webhooks), serialized without reflection so the same contract runs
/// in the server, the client (trimmed, in WebAssembly) and the NativeAOT agent. The options below are the Hangar JSON
/// dialect, stated once: snake_case names, nulls written, enums as strings, ISO 8601 dates, unknown members an error.
/// <see cref="HangarJson"/> hands out these options and applies them to options owned by others.
/// </summary>
/// <remarks>A type added to an endpoint must be added here too; a server test fails until it is.</remarks>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    // Unknown members are an error, not silently dropped: a typo in a field name must not look like success,
    // and read-only fields (ids, timestamps) cannot be mass-assigned.
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    MaxDepth = 32,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    // Metadata only, no generated fast-path writers: the console carries this context into every browser, and the
    // writers for 150 types cost more of its first-load budget than the Admin API's serialization speed is worth.
    // The types devices fetch on every check are marked for the fast path below (Default = metadata and writer).
    GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(AcceptInvitationRequest))]
[JsonSerializable(typeof(AddMemberRequest))]
[JsonSerializable(typeof(ApiKeyCreatedResponse))]
[JsonSerializable(typeof(ApiKeyResponse))]
[JsonSerializable(typeof(ChangePasswordRequest))]
[JsonSerializable(typeof(CreateApiKeyRequest))]
[JsonSerializable(typeof(CurrentUserResponse))]
[JsonSerializable(typeof(MemberAddedResponse))]
[JsonSerializable(typeof(MemberResponse))]
[JsonSerializable(typeof(SessionResponse))]
[JsonSerializable(typeof(SignInRequest))]
[JsonSerializable(typeof(SwitchOrganizationRequest))]
[JsonSerializable(typeof(UpdateMemberRequest))]
[JsonSerializable(typeof(AuditEntryResponse))]
[JsonSerializable(typeof(HealthChecks))]
[JsonSerializable(typeof(HealthComponent))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ProblemResponse), GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(ReferenceCandidate))]
[JsonSerializable(typeof(BulkDeviceActionRequest))]
[JsonSerializable(typeof(BulkDeviceActionResponse))]
[JsonSerializable(typeof(CaCertificateResponse))]
[JsonSerializable(typeof(CohortResponse))]
[JsonSerializable(typeof(CreateCaCertificateRequest))]
[JsonSerializable(typeof(CreateCohortRequest))]
[JsonSerializable(typeof(CreateDeviceCertificateRequest))]
[JsonSerializable(typeof(CreateDeviceRequest))]
[JsonSerializable(typeof(CreateProductRequest))]
[JsonSerializable(typeof(DeviceCertificateResponse))]
[JsonSerializable(typeof(DeviceIdentityResponse), GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(DeviceResponse))]
[JsonSerializable(typeof(DevicePresenceResponse))]
[JsonSerializable(typeof(DeviceCommandResponse))]
[JsonSerializable(typeof(ImportDevicesRequest))]
[JsonSerializable(typeof(ImportDevicesResponse))]
[JsonSerializable(typeof(JitpRequest))]
[JsonSerializable(typeof(JitpResponse))]
[JsonSerializable(typeof(ProductResponse))]
[JsonSerializable(typeof(ServerInfoResponse))]
[JsonSerializable(typeof(UpdateCaCertificateRequest))]
[JsonSerializable(typeof(UpdateCohortRequest))]
[JsonSerializable(typeof(UpdateDeviceRequest))]
[JsonSerializable(typeof(UpdateProductRequest))]
[JsonSerializable(typeof(VerificationCodeResponse))]
[JsonSerializable(typeof(EventResponse))]
[JsonSerializable(typeof(ArtifactResponse))]
[JsonSerializable(typeof(ArtifactVersionResponse))]
[JsonSerializable(typeof(BinaryPartResponse))]
[JsonSerializable(typeof(BinaryResponse))]
[JsonSerializable(typeof(BinarySignatureResponse))]
[JsonSerializable(typeof(BundleEntryRequest))]
[JsonSerializable(typeof(BundleEntryResponse))]
[JsonSerializable(typeof(BundleResponse))]
[JsonSerializable(typeof(CreateArtifactRequest))]
[JsonSerializable(typeof(CreateArtifactVersionRequest))]
[JsonSerializable(typeof(CreateBinaryRequest))]
[JsonSerializable(typeof(CreateBinarySignatureRequest))]
[JsonSerializable(typeof(CreateBundleRequest))]
[JsonSerializable(typeof(CreateSigningKeyRequest))]
[JsonSerializable(typeof(DownloadUrlResponse))]
[JsonSerializable(typeof(RevokeSigningKeyRequest))]
[JsonSerializable(typeof(SigningKeyResponse))]
[JsonSerializable(typeof(UpdateArtifactRequest))]
[JsonSerializable(typeof(UpdateArtifactVersionRequest))]
[JsonSerializable(typeof(UpdateBinaryRequest))]
[JsonSerializable(typeof(UpdateBundleRequest))]
[JsonSerializable(typeof(UpdateSigningKeyRequest))]
[JsonSerializable(typeof(CreateOrganizationRequest))]
[JsonSerializable(typeof(OrganizationCreatedResponse))]
[JsonSerializable(typeof(OrganizationResponse))]
[JsonSerializable(typeof(UpdateOrganizationRequest))]
[JsonSerializable(typeof(AddBundleOverrideDevicesRequest))]
[JsonSerializable(typeof(AddBundleOverrideDevicesResponse))]
[JsonSerializable(typeof(BundleOverrideDeviceResponse))]
[JsonSerializable(typeof(BundleOverrideResponse))]
[JsonSerializable(typeof(CreateBundleOverrideRequest))]
[JsonSerializable(typeof(CreateReleaseRequest))]
[JsonSerializable(typeof(HaltReleaseRequest))]
[JsonSerializable(typeof(ReleaseResponse))]
[JsonSerializable(typeof(ReleaseStatsResponse))]
[JsonSerializable(typeof(RollbackReleaseRequest))]
[JsonSerializable(typeof(UpdateBundleOverrideRequest))]
[JsonSerializable(typeof(UpdateReleaseRequest))]
[JsonSerializable(typeof(AdminUpdateCheckRequest))]
[JsonSerializable(typeof(DeviceUpdateResponse), GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(ManifestArtifact), GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(ManifestArtifactVersion), GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(ManifestEntryResponse), GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(ManifestSignature), GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(UpdateBundleSummary), GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(UpdateCheckResponse), GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(UpdateOverrideSummary), GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(UpdateReleaseSummary), GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(UpdateStatusRequest))]
[JsonSerializable(typeof(CreateWebhookRequest))]
[JsonSerializable(typeof(RollWebhookSecretRequest))]
[JsonSerializable(typeof(UpdateWebhookRequest))]
[JsonSerializable(typeof(WebhookDeliveryAttemptResponse))]
[JsonSerializable(typeof(WebhookDeliveryBody))]
[JsonSerializable(typeof(WebhookDeliveryResponse))]
[JsonSerializable(typeof(WebhookResponse))]
[JsonSerializable(typeof(WebhookSecretResponse))]
[JsonSerializable(typeof(ListResponse<ApiKeyResponse>))]
[JsonSerializable(typeof(ListResponse<ArtifactResponse>))]
[JsonSerializable(typeof(ListResponse<ArtifactVersionResponse>))]
[JsonSerializable(typeof(ListResponse<AuditEntryResponse>))]
[JsonSerializable(typeof(ListResponse<BinaryPartResponse>))]
[JsonSerializable(typeof(ListResponse<BinaryResponse>))]
[JsonSerializable(typeof(ListResponse<BinarySignatureResponse>))]
[JsonSerializable(typeof(ListResponse<BundleOverrideDeviceResponse>))]
[JsonSerializable(typeof(ListResponse<BundleOverrideResponse>))]
[JsonSerializable(typeof(ListResponse<BundleResponse>))]
[JsonSerializable(typeof(ListResponse<CaCertificateResponse>))]
[JsonSerializable(typeof(ListResponse<CohortResponse>))]
[JsonSerializable(typeof(ListResponse<DeviceCertificateResponse>))]
[JsonSerializable(typeof(ListResponse<DeviceResponse>))]
[JsonSerializable(typeof(ListResponse<DeviceUpdateResponse>))]
[JsonSerializable(typeof(ListResponse<EventResponse>))]
[JsonSerializable(typeof(ListResponse<MemberResponse>))]
[JsonSerializable(typeof(ListResponse<OrganizationResponse>))]
[JsonSerializable(typeof(ListResponse<ProductResponse>))]
[JsonSerializable(typeof(ListResponse<ReleaseResponse>))]
[JsonSerializable(typeof(ListResponse<SigningKeyResponse>))]
[JsonSerializable(typeof(ListResponse<WebhookDeliveryResponse>))]
[JsonSerializable(typeof(ListResponse<WebhookResponse>))]
[JsonSerializable(typeof(TelemetryBatchRequest))]
[JsonSerializable(typeof(TelemetryBatchResponse), GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(TelemetryRefusalResponse), GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(DeviceHeartbeatResponse), GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(DeviceMetricsResponse))]
[JsonSerializable(typeof(FleetMetricsResponse))]
[JsonSerializable(typeof(FleetSummaryResponse))]
[JsonSerializable(typeof(CreateHealthRuleRequest))]
[JsonSerializable(typeof(UpdateHealthRuleRequest))]
[JsonSerializable(typeof(HealthRuleResponse))]
[JsonSerializable(typeof(ListResponse<HealthRuleResponse>))]
[JsonSerializable(typeof(DeviceHealthResponse))]
[JsonSerializable(typeof(DdiTargetTokenCreatedResponse))]
[JsonSerializable(typeof(DdiTargetResponse))]
[JsonSerializable(typeof(DdiGatewayTokenResponse))]
[JsonSerializable(typeof(DdiGatewayTokenCreatedResponse))]
[JsonSerializable(typeof(CreateDdiGatewayTokenRequest))]
[JsonSerializable(typeof(ListResponse<DdiGatewayTokenResponse>))]
[JsonSerializable(typeof(CreateTunnelRequest))]
[JsonSerializable(typeof(ExtendTunnelRequest))]
[JsonSerializable(typeof(TunnelResponse))]
[JsonSerializable(typeof(TunnelTokenResponse))]
[JsonSerializable(typeof(TunnelOpenData))]
[JsonSerializable(typeof(ListResponse<TunnelResponse>))]
public sealed partial class HangarJsonContext : JsonSerializerContext
{
    // Lazy: static initializers in different files of a partial class run in no defined order, and this one needs Default.
    private static readonly Lazy<HangarJsonContext> LazyTolerant = new(CreateTolerant);

    /// <summary>The contract as clients read answers (<see cref="HangarJson.Tolerant"/>): the client's and the CLI's.</summary>
    public static HangarJsonContext Tolerant => LazyTolerant.Value;

    private static HangarJsonContext CreateTolerant() => new(HangarJson.Tolerant(Default.Options));
}
