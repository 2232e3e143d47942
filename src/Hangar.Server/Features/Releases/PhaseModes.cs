using Hangar.Core.Releases;

namespace Hangar.Server.Features.Releases;

/// <summary>The wire (and stored) names of <see cref="PhaseMode"/>.</summary>
internal static class PhaseModes
{
    public const string Numeric = "numeric";
    public const string Tags = "tags";

    public static bool TryParse(string? text, out PhaseMode mode)
    {
        mode = text == Tags ? PhaseMode.Tags : PhaseMode.Numeric;
        return text is Numeric or Tags;
    }

    public static PhaseMode Parse(string text) => text == Tags ? PhaseMode.Tags : PhaseMode.Numeric;

    public static string ToWire(this PhaseMode mode) => mode == PhaseMode.Tags ? Tags : Numeric;
}
