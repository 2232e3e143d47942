using System.Collections.Frozen;

namespace Hangar.Core.Search;

internal sealed record SearchFieldDefinition(string Name, SearchFieldType Type, FrozenSet<SearchOperator> Operators);
