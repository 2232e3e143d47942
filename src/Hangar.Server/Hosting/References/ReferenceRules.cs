using System.Linq.Expressions;
using Hangar.Core.Resources;
using Hangar.Data.Access;
using Hangar.Data.Devices;
using Hangar.Data.Firmware;
using Hangar.Data.Releases;
using Hangar.Data.Webhooks;

namespace Hangar.Server.Hosting.References;

/// <summary>
/// Each resource type's names, for <see cref="ReferenceLookup"/>. A name is what the resource is called where it has
/// one; several are allowed where a resource has two unique handles (a signing key's name and key id).
/// </summary>
internal static class ReferenceRules
{
    public static readonly ReferenceRule<Product> Product = new(
        ResourceTypes.Product, p => p.Id, name => p => p.Name == name, _ => p => new ReferenceMatch(p.Id, p.Name));

    /// <summary>Unique within a product, so a bare name may pick several; the candidates read <c>product/cohort</c>.</summary>
    public static readonly ReferenceRule<Cohort> Cohort = new(
        ResourceTypes.Cohort, c => c.Id, name => c => c.Name == name,
        db => c => new ReferenceMatch(c.Id, db.Products.Where(p => p.Id == c.ProductId).Select(p => p.Name).FirstOrDefault() + "/" + c.Name));

    public static readonly ReferenceRule<Device> Device = new(
        ResourceTypes.Device, d => d.Id, name => d => d.Identifier == name, _ => d => new ReferenceMatch(d.Id, d.Identifier));

    public static readonly ReferenceRule<DeviceCertificate> DeviceCertificate = new(
        ResourceTypes.DeviceCertificate, c => c.Id, fingerprint => c => c.Fingerprint == fingerprint, _ => c => new ReferenceMatch(c.Id, c.Fingerprint));

    public static readonly ReferenceRule<CaCertificate> CaCertificate = new(
        ResourceTypes.CaCertificate, c => c.Id, fingerprint => c => c.Fingerprint == fingerprint, _ => c => new ReferenceMatch(c.Id, c.Subject));

    public static readonly ReferenceRule<Artifact> Artifact = new(
        ResourceTypes.Artifact, a => a.Id, name => a => a.Name == name, _ => a => new ReferenceMatch(a.Id, a.Name));

    /// <summary>A version string is unique within its artifact; the candidates read <c>artifact/version</c>.</summary>
    public static readonly ReferenceRule<ArtifactVersion> ArtifactVersion = new(
        ResourceTypes.ArtifactVersion, v => v.Id, version => v => v.Version == version,
        db => v => new ReferenceMatch(v.Id, db.Artifacts.Where(a => a.Id == v.ArtifactId).Select(a => a.Name).FirstOrDefault() + "/" + v.Version));

    /// <summary>A binary has no name of its own (its target repeats in every version), so only its id or resource name pick it.</summary>
    public static readonly ReferenceRule<Binary> Binary = new(
        ResourceTypes.Binary, b => b.Id, null, _ => b => new ReferenceMatch(b.Id, b.Target));

    public static readonly ReferenceRule<SigningKey> SigningKey = new(
        ResourceTypes.SigningKey, k => k.Id, name => k => k.Name == name || k.KeyId == name, _ => k => new ReferenceMatch(k.Id, k.Name));

    /// <summary>Bundle names are optional and need not be unique.</summary>
    public static readonly ReferenceRule<Bundle> Bundle = new(
        ResourceTypes.Bundle, b => b.Id, name => b => b.Name == name, _ => b => new ReferenceMatch(b.Id, b.Name ?? b.Hash));

    /// <summary>Unique within a cohort; the candidates read <c>cohort/release</c>.</summary>
    public static readonly ReferenceRule<Release> Release = new(
        ResourceTypes.Release, r => r.Id, name => r => r.Name == name,
        db => r => new ReferenceMatch(r.Id, db.Cohorts.Where(c => c.Id == r.CohortId).Select(c => c.Name).FirstOrDefault() + "/" + r.Name));

    public static readonly ReferenceRule<BundleOverride> BundleOverride = new(
        ResourceTypes.BundleOverride, o => o.Id, name => o => o.Name == name, _ => o => new ReferenceMatch(o.Id, o.Name));

    /// <summary>A webhook is called by its URL (not unique: two subscriptions may share one).</summary>
    public static readonly ReferenceRule<Webhook> Webhook = new(
        ResourceTypes.Webhook, w => w.Id, url => w => w.Url == url, _ => w => new ReferenceMatch(w.Id, w.Url));

    /// <summary>By name (not unique) or by the prefix shown for it (unique).</summary>
    public static readonly ReferenceRule<ApiKey> ApiKey = new(
        ResourceTypes.ApiKey, k => k.Id, name => k => k.Name == name || k.Prefix == name, _ => k => new ReferenceMatch(k.Id, k.Name + " (" + k.Prefix + ")"));

    /// <summary>By the user's email, compared lower-cased as sign-in and invitations compare it (emails are stored so).</summary>
    public static readonly ReferenceRule<Membership> Member = new(
        ResourceTypes.Member, m => m.Id, email => MemberByEmail(email.ToLowerInvariant()), _ => m => new ReferenceMatch(m.Id, m.User!.Email));

    private static Expression<Func<Membership, bool>> MemberByEmail(string email) => m => m.User!.Email == email;
}
