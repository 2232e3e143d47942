namespace Hangar.Core.Releases;

public enum PhaseMode
{
    /// <summary>A share of the cohort: a fraction in [0, 1], or an absolute device count ≥ 2.</summary>
    Numeric,

    /// <summary>Devices having any of the phase tags.</summary>
    Tags,
}
