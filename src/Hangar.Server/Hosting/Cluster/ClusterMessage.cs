namespace Hangar.Server.Hosting.Cluster;

/// <summary>
/// One change as a NOTIFY payload: the sending node, the topic and the key, one per line. The topic <c>*</c> means
/// "everything may have changed" (the sender lost messages it could not send).
/// </summary>
internal readonly record struct ClusterMessage(string Node, string Topic, string Key)
{
    public const string Everything = "*";

    public string Payload => $"{Node}\n{Topic}\n{Key}";

    public static bool TryParse(string payload, out ClusterMessage message)
    {
        var parts = payload.Split('\n', 3);
        message = parts.Length == 3 ? new ClusterMessage(parts[0], parts[1], parts[2]) : default;
        return parts.Length == 3;
    }
}
