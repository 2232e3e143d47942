namespace Hangar.Server.Features.Releases;

/// <summary>Releases (the cohort release graph, halts, rollbacks, statistics) and bundle overrides.</summary>
internal static class ReleasesModule
{
    public static RouteGroupBuilder MapReleasesApi(this RouteGroupBuilder api)
    {
        api.MapReleases();
        api.MapBundleOverrides();
        return api;
    }
}
