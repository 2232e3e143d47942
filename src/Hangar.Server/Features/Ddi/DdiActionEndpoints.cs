using Hangar.Data;
using Hangar.Server.Features.Ddi.Wire;
using Hangar.Server.Hosting.Problems;

namespace Hangar.Server.Features.Ddi;

/// <summary>
/// The action resources: <c>deploymentBase/{actionId}</c> and <c>installedBase/{actionId}</c> (the same shape, for any
/// of the device's actions), and <c>cancelAction/{actionId}</c> (only for an action the server stopped). An action id
/// the device does not have is 404, as in hawkBit.
/// </summary>
internal static class DdiActionEndpoints
{
    public static void MapDdiActions(this RouteGroupBuilder controller)
    {
        controller.MapGet("/deploymentBase/{actionId:long}", DeploymentAsync);
        controller.MapGet("/installedBase/{actionId:long}", DeploymentAsync);
        controller.MapGet("/cancelAction/{actionId:long}", CancelAsync);
    }

    private static async Task<IResult> DeploymentAsync(
        string tenant, string controllerId, long actionId, int? actionHistory, HttpContext http, HangarDbContext db, DdiDeployments deployments,
        CancellationToken cancellationToken)
    {
        var (controller, problem) = await DdiController.ResolveAsync(http, db, tenant, controllerId, cancellationToken);
        if (controller is null)
        {
            return problem!;
        }

        var action = (await DdiActions.LoadAsync(db, controller.DeviceId, cancellationToken)).ById(actionId);
        if (action is null)
        {
            return Problems.NotFound("Action");
        }

        var body = await deployments.RenderAsync(action, controller, actionHistory ?? 0, cancellationToken);
        return body is null ? Problems.NotFound("Action") : DdiJson.Tagged(http, body);
    }

    private static async Task<IResult> CancelAsync(string tenant, string controllerId, long actionId, HttpContext http, HangarDbContext db, CancellationToken cancellationToken)
    {
        var (controller, problem) = await DdiController.ResolveAsync(http, db, tenant, controllerId, cancellationToken);
        if (controller is null)
        {
            return problem!;
        }

        var actions = await DdiActions.LoadAsync(db, controller.DeviceId, cancellationToken);
        var action = actions.ById(actionId);
        if (action is null || !actions.MayCancel(action))
        {
            return Problems.NotFound("Cancel action");
        }

        var id = actionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return DdiJson.Tagged(http, new DdiCancel(id, new DdiCancelActionToStop(id)));
    }
}
