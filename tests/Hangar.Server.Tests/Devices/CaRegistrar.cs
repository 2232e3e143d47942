using System.Security.Cryptography.X509Certificates;
using Hangar.Client;
using Hangar.Contracts.Devices;
using Hangar.Testing.Pki;

namespace Hangar.Server.Tests.Devices;

/// <summary>Registers a CA the way a user does: get a code, sign a verification certificate for it with the CA, upload both.</summary>
internal static class CaRegistrar
{
    public static async Task<CaCertificateResponse> RegisterAsync(
        HangarClient client, X509Certificate2 ca, JitpRequest? jitp = null, IEnumerable<X509Certificate2>? chain = null)
    {
        var code = await client.CaCertificates.CreateVerificationCodeAsync(TestContext.Current.CancellationToken);
        var verification = TestPki.Leaf(ca, code.VerificationCode);
        var chainPem = chain is null ? null : string.Concat(chain.Select(TestPki.Pem));
        return await client.CaCertificates.CreateAsync(
            new CreateCaCertificateRequest(TestPki.Pem(ca), TestPki.Pem(verification), chainPem, "test CA", jitp),
            cancellationToken: TestContext.Current.CancellationToken);
    }
}
