using System.Diagnostics.CodeAnalysis;

namespace Hangar.Core.Search;

public enum SearchFieldType
{
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The public API names field types after the values they hold.")]
    String,
    Boolean,
    Number,
    DateTime,
    Uuid,
}
