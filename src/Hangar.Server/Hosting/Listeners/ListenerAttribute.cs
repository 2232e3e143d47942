namespace Hangar.Server.Hosting.Listeners;

/// <summary>Endpoint metadata naming the listeners that serve it. Endpoints without it belong to the admin listener.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class ListenerAttribute(params ListenerKind[] kinds) : Attribute
{
    public IReadOnlyList<ListenerKind> Kinds { get; } = kinds;

    public bool Serves(ListenerKind? kind) => kind is { } k && Kinds.Contains(k);
}
