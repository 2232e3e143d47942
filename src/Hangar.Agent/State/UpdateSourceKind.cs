namespace Hangar.Agent.State;

public enum UpdateSourceKind
{
    Release,
    BundleOverride,
}
