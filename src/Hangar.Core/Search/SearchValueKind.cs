using System.Diagnostics.CodeAnalysis;

namespace Hangar.Core.Search;

public enum SearchValueKind
{
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The kinds are named after the query language's value types.")]
    String,
    Boolean,
    Number,
    DateTime,
}
