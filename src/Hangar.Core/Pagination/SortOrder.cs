namespace Hangar.Core.Pagination;

public enum SortOrder
{
    Ascending,
    Descending,
}
