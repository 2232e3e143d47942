using System.Linq.Expressions;
using Hangar.Data;

namespace Hangar.Server.Hosting.References;

/// <summary>
/// How one resource type is referenced: its resource-name type, its id, the names that also pick it (none for types
/// without a name of their own) and how a candidate is called when a name picks several.
/// </summary>
/// <param name="Type">The type segment of its resource name, e.g. <c>cohort</c>.</param>
/// <param name="Id">The row's id.</param>
/// <param name="HasName">The rows called this (exact, case-sensitive), or null when only the id and resource name pick one.</param>
/// <param name="Label">The candidate's readable name, with its parent where the name is unique only within one.</param>
internal sealed record ReferenceRule<T>(
    string Type,
    Expression<Func<T, Guid>> Id,
    Func<string, Expression<Func<T, bool>>>? HasName,
    Func<HangarDbContext, Expression<Func<T, ReferenceMatch>>> Label)
    where T : class
{
    /// <summary>The row with this id; the id travels in a closure so EF Core sends it as a parameter, not a literal.</summary>
    public Expression<Func<T, bool>> HasId(Guid id)
    {
        var value = Expression.Property(Expression.Constant(new Holder(id)), nameof(Holder.Value));
        return Expression.Lambda<Func<T, bool>>(Expression.Equal(Id.Body, value), Id.Parameters);
    }

    private sealed record Holder(Guid Value);
}
