using Hangar.Contracts.Updates;

namespace Hangar.Server.Features.Updates;

/// <summary>An update check's answer and its entity tag (equal tags mean byte-identical answers).</summary>
internal sealed record UpdateAnswer(UpdateCheckResponse Response, string ETag);
