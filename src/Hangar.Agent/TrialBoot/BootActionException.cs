namespace Hangar.Agent.TrialBoot;

public sealed class BootActionException(string message) : Exception(message);
