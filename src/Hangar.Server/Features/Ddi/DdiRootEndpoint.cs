using Hangar.Data;
using Hangar.Server.Features.Ddi.Wire;
using Hangar.Server.Features.Events;
using Hangar.Server.Features.Firmware;
using Hangar.Server.Features.Updates;
using Hangar.Server.Hosting.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Ddi;

/// <summary>
/// <c>GET /{tenant}/controller/v1/{controllerId}</c>: the poll. It runs the same update check as the native device API
/// (so it counts as the device's check: presence, phase claims, the offer recorded) and links, following hawkBit's
/// rules, to exactly one of <c>cancelAction</c> (an unfinished action the server no longer offers) or
/// <c>deploymentBase</c> (the offered action while unfinished), plus <c>installedBase</c> (the last committed action) and
/// <c>configData</c> when the client's attributes are wanted.
/// </summary>
internal static class DdiRootEndpoint
{
    public static void MapDdiRoot(this RouteGroupBuilder controller) => controller.MapGet("", PollAsync);

    private static async Task<IResult> PollAsync(
        string tenant, string controllerId, HttpContext http, HangarDbContext db, UpdateCheck check, EventRecorder events,
        IOptions<DdiOptions> options, IOptions<FirmwareOptions> firmware, CancellationToken cancellationToken)
    {
        var (controller, problem) = await DdiController.ResolveAsync(http, db, tenant, controllerId, cancellationToken);
        if (controller is null)
        {
            return problem!;
        }

        events.Actor("device", controller.DeviceId, null);
        var offer = await check.RunAsync(controller.DeviceId, new ReportedState(null, null, null), write: true, DdiDownloads.Links(http, firmware.Value, controller), cancellationToken);
        if (offer is null)
        {
            return Problems.NotFound("Controller");
        }

        var actions = await DdiActions.LoadAsync(db, controller.DeviceId, cancellationToken);
        var links = new Dictionary<string, DdiLink>(StringComparer.Ordinal);
        if (actions.ToCancel(offer.Key) is { } stopped)
        {
            links["cancelAction"] = new DdiLink($"{controller.BaseUrl}/cancelAction/{DdiActionIds.For(stopped.Id)}");
        }
        else if (actions.Open(offer.Key) is { } open)
        {
            // c changes with anything the deployment says (hawkBit busts clients' caches with it the same way).
            links["deploymentBase"] = new DdiLink($"{controller.BaseUrl}/deploymentBase/{DdiActionIds.For(open.Id)}?c={offer.Fingerprint[..8]}");
        }

        if (actions.Installed() is { } installed && !links.ContainsKey("deploymentBase"))
        {
            links["installedBase"] = new DdiLink($"{controller.BaseUrl}/installedBase/{DdiActionIds.For(installed.Id)}");
        }

        var target = await db.DdiTargets.AsNoTracking().SingleOrDefaultAsync(t => t.DeviceId == controller.DeviceId, cancellationToken);
        if (DdiConfigDataEndpoint.Wanted(target, actions.Installed()?.FinishedAt))
        {
            links["configData"] = new DdiLink($"{controller.BaseUrl}/configData");
        }

        var sleep = TimeSpan.FromSeconds(options.Value.PollingSleepSeconds);
        return DdiJson.Tagged(http, new DdiControllerBase(new DdiConfig(new DdiPolling(sleep.ToString(@"hh\:mm\:ss", null))), links));
    }
}
