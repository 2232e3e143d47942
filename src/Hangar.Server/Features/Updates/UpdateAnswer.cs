using Hangar.Contracts.Updates;

namespace Hangar.Server.Features.Updates;

/// <summary>
/// An update check's answer and its entity tag. Equal tags mean byte-identical answers, so the answer itself (with
/// its signed URLs) is only built when no cached copy of that tag exists.
/// </summary>
internal sealed class UpdateAnswer(string etag, Func<UpdateCheckResponse> build)
{
    private readonly Lazy<UpdateCheckResponse> _response = new(build);

    public string ETag { get; } = etag;

    public UpdateCheckResponse Response => _response.Value;
}
