namespace Hangar.Data.System;

/// <summary>Installation-wide facts, such as "the bootstrap organization was created". The key is unique, so two nodes starting at once cannot both act.</summary>
public sealed class SystemSetting
{
    public required string Key { get; init; }
    public required string Value { get; set; }
    public required DateTime UpdatedAt { get; set; }
}
