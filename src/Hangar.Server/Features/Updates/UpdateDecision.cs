namespace Hangar.Server.Features.Updates;

/// <summary>What an update check decided for the device.</summary>
internal enum UpdateDecision
{
    /// <summary>Install the offer's bundle.</summary>
    Update,

    /// <summary>Nothing to install; the offer's reason says why.</summary>
    NoUpdate,

    /// <summary>The device is quarantined: it is offered nothing until released.</summary>
    Quarantined,
}
