namespace Hangar.Agent.State;

/// <summary>The steps of an atomic replace, in order; a power loss can happen before any of them.</summary>
public enum AtomicWriteStep
{
    WriteTemporary,
    FlushTemporary,
    KeepPrevious,
    RenameIntoPlace,
    FlushDirectory,
}
