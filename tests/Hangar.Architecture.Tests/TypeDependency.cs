namespace Hangar.Architecture.Tests;

/// <summary>
/// One type using another: <see cref="Source"/> (the outermost declaring type, so a lambda's closure or an async state
/// machine counts for the method's own type) refers to <see cref="Target"/> (namespace-qualified, from
/// <see cref="TargetAssembly"/>) in a signature, an attribute or a method body.
/// </summary>
internal sealed record TypeDependency(string Source, string SourceNamespace, string Target, string TargetNamespace, string TargetAssembly)
{
    public override string ToString() => $"{Source} → {Target}";
}
