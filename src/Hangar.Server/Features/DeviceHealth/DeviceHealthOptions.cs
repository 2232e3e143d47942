using System.ComponentModel.DataAnnotations;

namespace Hangar.Server.Features.DeviceHealth;

/// <summary>The <c>DeviceHealth</c> section: how often rules are evaluated, and how many a product may have.</summary>
internal sealed class DeviceHealthOptions
{
    public const string Section = "DeviceHealth";

    /// <summary>Seconds between evaluations of every enabled rule (on one node at a time).</summary>
    [Range(10, 3600)]
    public int EvaluationIntervalSeconds { get; set; } = 60;

    /// <summary>Rules per product: each is one grouped query per evaluation.</summary>
    [Range(1, 1000)]
    public int MaxRulesPerProduct { get; set; } = 20;
}
