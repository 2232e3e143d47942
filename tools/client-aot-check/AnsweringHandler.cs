using System.Net;
using System.Text;

namespace ClientAotCheck;

/// <summary>
/// Answers the client's requests in process with the bodies a Hangar server sends (snake_case, one member this client
/// does not know), and keeps each request body so the program can check what the client wrote.
/// </summary>
internal sealed class AnsweringHandler : HttpMessageHandler
{
    public List<string> RequestBodies { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            RequestBodies.Add(await request.Content.ReadAsStringAsync(cancellationToken));
        }

        return (request.Method.Method, request.RequestUri!.AbsolutePath) switch
        {
            ("GET", "/api/v1/products") => Json(HttpStatusCode.OK, """
                {"data":[{"id":"0190a000-0000-7000-8000-000000000001","hrn":"hrn:1:org:product:gateway","name":"gateway",
                "archived":false,"created_at":"2026-01-31T12:00:00.123Z","updated_at":"2026-01-31T12:00:00.123Z","added_later":1}],
                "next_page":null}
                """),
            ("POST", "/api/v1/products") => Json(HttpStatusCode.Created, """
                {"id":"0190a000-0000-7000-8000-000000000002","hrn":"hrn:1:org:product:sensor","name":"sensor",
                "archived":false,"created_at":"2026-01-31T12:00:00Z","updated_at":"2026-01-31T12:00:00Z"}
                """),
            _ => Json(HttpStatusCode.NotFound, """
                {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Not Found","status":404,
                "code":"not_found","request_id":"0190a000-0000-7000-8000-000000000003"}
                """, "application/problem+json"),
        };
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body, string mediaType = "application/json") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
}
