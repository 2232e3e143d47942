using Hangar.Core.Pagination;
using Hangar.Core.Search;

namespace Hangar.Server.Hosting.Lists;

/// <summary>A validated list request.</summary>
internal sealed record ListSpec(int Limit, SortOrder Order, Guid? AfterId, SearchQuery? Search, string Fingerprint);
