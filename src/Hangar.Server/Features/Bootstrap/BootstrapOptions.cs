using System.ComponentModel.DataAnnotations;

namespace Hangar.Server.Features.Bootstrap;

/// <summary>Section <c>Bootstrap</c>: what the very first start creates.</summary>
internal sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    [Required, StringLength(100, MinimumLength = 1)]
    public string OrganizationName { get; set; } = "Default";

    [Required, EmailAddress]
    public string OwnerEmail { get; set; } = "owner@hangar.local";

    [Required, StringLength(100, MinimumLength = 1)]
    public string OwnerName { get; set; } = "Owner";
}
