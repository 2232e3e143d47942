using Hangar.Client;
using Hangar.Contracts.Access;

namespace Hangar.Console.Tests;

/// <summary>Members added through the Admin API, as an admin would invite them, with the password they chose.</summary>
internal static class TestMembers
{
    public static async Task<(string Email, string Password)> ViewerAsync(HangarClient api, string prefix)
    {
        var email = $"{prefix}-{Guid.CreateVersion7():N}@example.com";
        const string password = "viewer password 2";
        var added = await api.Members.AddAsync(new AddMemberRequest(email, "viewer"), cancellationToken: TestContext.Current.CancellationToken);
        await api.Members.AcceptInvitationAsync(new AcceptInvitationRequest(added.InvitationToken!, password), TestContext.Current.CancellationToken);
        return (email, password);
    }
}
