using System.Text.Json;
using Hangar.Contracts.Common;
using Hangar.Core.Releases;
using Hangar.Data;
using Hangar.Data.Releases;
using Hangar.Server.Features.Events;
using Hangar.Server.Features.Updates;
using Hangar.Server.Hosting.Problems;

namespace Hangar.Server.Features.Ddi;

/// <summary>
/// <c>POST deploymentBase/{actionId}/feedback</c> and <c>POST cancelAction/{actionId}/feedback</c>: the device's
/// progress and results, applied through the same status recorder as the native device API's reports (halts, the
/// automatic halt, events and release statistics alike). Feedback on a closed action (its update final: committed,
/// failed, rolled back or aborted) is 410 Gone, hawkBit's answer for an action no longer active; another refusal is 410
/// when the server aborted the update meanwhile and 409 otherwise; an unknown action is 404.
/// </summary>
internal static class DdiFeedbackEndpoints
{
    private const string CancelledReason = "cancelled on the server's request (the rollout no longer offers this update)";

    public static void MapDdiFeedback(this RouteGroupBuilder controller)
    {
        controller.MapPost("/deploymentBase/{actionId:long}/feedback", DeploymentAsync);
        controller.MapPost("/cancelAction/{actionId:long}/feedback", CancelAsync);
    }

    private static Task<IResult> DeploymentAsync(
        string tenant, string controllerId, long actionId, JsonElement body, HttpContext http, HangarDbContext db, UpdateStatusRecorder recorder, EventRecorder events,
        CancellationToken cancellationToken) =>
        ApplyAsync(tenant, controllerId, actionId, body, cancel: false, http, db, recorder, events, cancellationToken);

    private static Task<IResult> CancelAsync(
        string tenant, string controllerId, long actionId, JsonElement body, HttpContext http, HangarDbContext db, UpdateStatusRecorder recorder, EventRecorder events,
        CancellationToken cancellationToken) =>
        ApplyAsync(tenant, controllerId, actionId, body, cancel: true, http, db, recorder, events, cancellationToken);

    private static async Task<IResult> ApplyAsync(
        string tenant, string controllerId, long actionId, JsonElement body, bool cancel, HttpContext http, HangarDbContext db, UpdateStatusRecorder recorder,
        EventRecorder events, CancellationToken cancellationToken)
    {
        var (controller, problem) = await DdiController.ResolveAsync(http, db, tenant, controllerId, cancellationToken);
        if (controller is null)
        {
            return problem!;
        }

        var feedback = DdiFeedback.TryRead(body);
        if (feedback is null)
        {
            return Problems.Validation("status", $"must hold execution, one of {string.Join(", ", DdiFeedback.Executions)}.");
        }

        var action = (await DdiActions.LoadAsync(db, controller.DeviceId, cancellationToken)).ById(actionId);
        if (action is null)
        {
            return Problems.NotFound("Action");
        }

        // hawkBit answers 410 Gone to feedback on an action that is no longer active (closed, failed or canceled): a
        // hawkBit action never starts over, so a client resending or reporting late learns that the action is over.
        if (!cancel && action.State.IsFinal())
        {
            return Problems.Create(StatusCodes.Status410Gone, action.State == UpdateState.Aborted ? ErrorCodes.UpdateAborted : ErrorCodes.UpdateTransitionInvalid,
                "Gone", $"The action is closed (its update is {action.State.ToWire()}); it takes no more feedback.");
        }

        // Accepting a cancel ends with closed (or canceled); rejecting it changes nothing, the device goes on.
        UpdateState? state = cancel
            ? feedback.Execution is "closed" or "canceled" && feedback.Finished != "failure" ? UpdateState.Aborted : null
            : feedback.StateFrom(action);
        if (state is not { } to)
        {
            return TypedResults.Ok();
        }

        events.Actor("device", controller.DeviceId, null);
        var reason = cancel ? CancelledReason : to == UpdateState.Failed ? Truncate(feedback.Details.Count > 0 ? feedback.Details[^1] : null, UpdateStatusReport.MaxReason) : null;
        var logTail = feedback.Details.Count > 0 ? TruncateStart(string.Join('\n', feedback.Details), UpdateStatusReport.MaxLogTail) : null;
        var report = new UpdateStatusReport(Guid.CreateVersion7(), new OfferKey(action.ReleaseId, action.BundleOverrideId), to, feedback.Progress, logTail, reason, Retryable: false);
        var outcome = await recorder.ApplyAsync(controller.DeviceId, report, cancellationToken);
        if (outcome.Update is not null)
        {
            return TypedResults.Ok();
        }

        return outcome.RefusalCode == ErrorCodes.UpdateAborted
            ? Problems.Create(StatusCodes.Status410Gone, outcome.RefusalCode, "Gone", outcome.RefusalDetail!)
            : Problems.Conflict(outcome.RefusalCode!, outcome.RefusalDetail!);
    }

    private static string? Truncate(string? text, int length) => text is { Length: > 0 } t && t.Length > length ? t[..length] : text;

    private static string TruncateStart(string text, int length) => text.Length > length ? text[^length..] : text;
}
