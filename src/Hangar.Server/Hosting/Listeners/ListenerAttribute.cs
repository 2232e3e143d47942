namespace Hangar.Server.Hosting.Listeners;

/// <summary>Endpoint metadata naming the listener that serves it. Endpoints without it belong to the admin listener.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class ListenerAttribute(ListenerKind kind) : Attribute
{
    public ListenerKind Kind { get; } = kind;
}
