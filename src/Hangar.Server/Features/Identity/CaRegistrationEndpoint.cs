using Hangar.Contracts.Common;
using Hangar.Contracts.Devices;
using Hangar.Data;
using Hangar.Server.Features.Audit;
using Hangar.Server.Features.Events;
using Hangar.Server.Hosting.Authentication;
using Hangar.Server.Hosting.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Identity;

/// <summary><c>POST /ca_certificates</c>: runs <see cref="CaRegistration"/> for the caller's organization and answers its outcome.</summary>
internal static class CaRegistrationEndpoint
{
    public static async Task<Results<Created<CaCertificateResponse>, ProblemHttpResult>> RegisterAsync(
        CreateCaCertificateRequest request, HttpContext http, HangarDbContext db, AuditScope audit, EventRecorder events, TimeProvider time,
        IOptions<DeviceIdentityOptions> options, CancellationToken cancellationToken)
    {
        var outcome = await CaRegistration.RegisterAsync(request, http.RequireCaller().OrganizationId, db, audit, events, time.GetUtcNow().UtcDateTime,
            options.Value.MaxChainDepth, cancellationToken);
        return outcome switch
        {
            CaRegistrationOutcome.Registered registered =>
                TypedResults.Created($"/api/v1/ca_certificates/{registered.Ca.Id}", registered.Ca.ToResponse()),
            CaRegistrationOutcome.InvalidCertificate invalid =>
                Problems.Create(StatusCodes.Status400BadRequest, ErrorCodes.InvalidCertificate, "Invalid certificate", invalid.Detail),
            CaRegistrationOutcome.InvalidFields fields => Problems.Validation(fields.Errors),
            CaRegistrationOutcome.InvalidVerificationCode code => Problems.BadRequest(ErrorCodes.InvalidVerificationCode, code.Detail),
            CaRegistrationOutcome.AlreadyRegistered => Problems.Conflict(ErrorCodes.AlreadyExists,
                "This CA (its key) is already registered, in this or another organization."),
            _ => throw new InvalidOperationException($"unexpected registration outcome {outcome}"),
        };
    }
}
