namespace Hangar.Server.Hosting.Http;

internal static class RequestMethods
{
    /// <summary>Whether the request may change something: what audit and the anti-forgery check care about.</summary>
    public static bool IsMutation(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
}
