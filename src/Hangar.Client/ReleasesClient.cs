using Hangar.Contracts.Common;
using Hangar.Contracts.Releases;

namespace Hangar.Client;

/// <summary>Releases: the cohort release graph, halts, rollbacks and rollout statistics.</summary>
public sealed class ReleasesClient(ApiTransport transport)
{
    public Task<ListResponse<ReleaseResponse>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ListResponse<ReleaseResponse>>("api/v1/releases" + options?.ToQueryString(), cancellationToken);

    public Task<ReleaseResponse> GetAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ReleaseResponse>(Path(idOrHrn), cancellationToken);

    /// <summary>Appends the release as its cohort's latest, or inserts it where the request says.</summary>
    public Task<ReleaseResponse> CreateAsync(CreateReleaseRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.PostAsync<ReleaseResponse>("api/v1/releases", request, options, cancellationToken);

    public Task<ReleaseResponse> UpdateAsync(string idOrHrn, UpdateReleaseRequest request, CancellationToken cancellationToken = default) =>
        transport.PatchAsync<ReleaseResponse>(Path(idOrHrn), request, cancellationToken);

    /// <summary>Deletes the release; releases pointing to it point to its next release instead.</summary>
    public Task DeleteAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.DeleteAsync(Path(idOrHrn), cancellationToken);

    /// <summary>Halts the rollout: the release is disabled and keeps the reason.</summary>
    public Task<ReleaseResponse> HaltAsync(string idOrHrn, HaltReleaseRequest request, CancellationToken cancellationToken = default) =>
        transport.PostAsync<ReleaseResponse>($"{Path(idOrHrn)}/halt", request, null, cancellationToken);

    /// <summary>Clears the halt and enables the release again.</summary>
    public Task<ReleaseResponse> ResumeAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.PostAsync<ReleaseResponse>($"{Path(idOrHrn)}/resume", null, null, cancellationToken);

    /// <summary>Rolls back the cohort's latest release; returns the new required release that takes devices back.</summary>
    public Task<ReleaseResponse> RollbackAsync(
        string idOrHrn, RollbackReleaseRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        transport.PostAsync<ReleaseResponse>($"{Path(idOrHrn)}/rollback", request, options, cancellationToken);

    public Task<ReleaseStatsResponse> StatsAsync(string idOrHrn, CancellationToken cancellationToken = default) =>
        transport.GetAsync<ReleaseStatsResponse>($"{Path(idOrHrn)}/stats", cancellationToken);

    private static string Path(string idOrHrn) => $"api/v1/releases/{ApiTransport.Segment(idOrHrn)}";
}
