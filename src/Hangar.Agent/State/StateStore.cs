using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Hangar.Agent.State;

/// <summary>
/// The agent's state file, <c>state.json</c> in the state directory. Each copy starts with a header line carrying
/// the SHA-256 of the JSON after it, so a torn or corrupted copy is recognised rather than half-read. On open, the
/// readable copy with the highest generation among the file, its <c>.tmp</c> and its <c>.prev</c> wins.
/// State of schema 2 (agents that kept a list of every binary ever installed) is read as well: that list is dropped,
/// because it cannot say what any slot or target holds now, and everything else (what runs, a pending install, queued
/// reports) carries over; the next save writes the current schema.
/// </summary>
public sealed class StateStore : IDisposable
{
    private const string HeaderPrefix = "hangar-agent-state sha256=";
    private const int OldestReadableSchema = 2;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Action<AtomicWriteStep, string>? _beforeStep;
    private readonly ILogger _logger;

    private StateStore(string path, AgentState current, Action<AtomicWriteStep, string>? beforeStep, ILogger logger)
    {
        FilePath = path;
        Current = current;
        _beforeStep = beforeStep;
        _logger = logger;
    }

    public string FilePath { get; }

    public AgentState Current { get; private set; }

    /// <param name="beforeStep">Passed to every atomic write; tests use it to cut a write short.</param>
    public static StateStore Open(string directory, ILogger logger, Action<AtomicWriteStep, string>? beforeStep = null)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "state.json");
        var candidates = new[] { path, AtomicFile.TemporaryPath(path), AtomicFile.PreviousPath(path) };
        AgentState? best = null;
        var unreadable = new List<string>();
        foreach (var candidate in candidates.Where(File.Exists))
        {
            if (TryRead(candidate, out var state))
            {
                if (best is null || state.Generation > best.Generation)
                {
                    best = state;
                }
            }
            else
            {
                unreadable.Add(candidate);
            }
        }

        if (best is null && unreadable.Count > 0)
        {
            // Nothing readable: keep the evidence, start empty. The installed list is lost (binaries get installed
            // again) but nothing is marked good that was not, because a pending trial without state is never committed.
            foreach (var file in unreadable)
            {
                File.Move(file, file + ".corrupt", overwrite: true);
            }

            logger.LogError("No readable copy of {StatePath}; moved {Count} unreadable copies aside as *.corrupt and started empty",
                path, unreadable.Count);
        }
        else if (unreadable.Count > 0)
        {
            logger.LogWarning("Ignored unreadable state copies {Files}; using generation {Generation}",
                string.Join(", ", unreadable), best!.Generation);
        }

        if (best is { Schema: < AgentState.CurrentSchema })
        {
            logger.LogInformation(
                "Read {StatePath} of schema {Schema}, written by an older agent: its list of installed binaries does not say what each slot holds, so it was dropped; the next update installs all its binaries",
                path, best.Schema);
        }

        return new StateStore(path, best ?? new AgentState(), beforeStep, logger);
    }

    /// <summary>Applies <paramref name="change"/> to the current state and saves the result durably before returning it.</summary>
    public async Task<AgentState> UpdateAsync(Func<AgentState, AgentState> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var next = change(Current) with { Generation = Current.Generation + 1, Schema = AgentState.CurrentSchema };
            AtomicFile.Write(FilePath, Serialize(next), _beforeStep);
            Current = next;
            _logger.LogDebug("State saved: generation {Generation}, pending {Phase}, {Reports} queued reports",
                next.Generation, next.PendingCommit?.Phase, next.Reports.Count);
            return next;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    internal static byte[] Serialize(AgentState state)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(state, AgentStateJsonContext.Default.AgentState);
        var header = Encoding.ASCII.GetBytes(HeaderPrefix + Convert.ToHexStringLower(SHA256.HashData(json)) + "\n");
        return [.. header, .. json];
    }

    private static bool TryRead(string path, out AgentState state)
    {
        state = new AgentState();
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException)
        {
            return false;
        }

        var newline = Array.IndexOf(bytes, (byte)'\n');
        if (newline < 0)
        {
            return false;
        }

        var header = Encoding.ASCII.GetString(bytes, 0, newline);
        var json = bytes.AsSpan(newline + 1);
        if (!header.StartsWith(HeaderPrefix, StringComparison.Ordinal)
            || !string.Equals(header[HeaderPrefix.Length..], Convert.ToHexStringLower(SHA256.HashData(json)), StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var read = JsonSerializer.Deserialize(json, AgentStateJsonContext.Default.AgentState);
            if (read is null || read.Schema is < OldestReadableSchema or > AgentState.CurrentSchema)
            {
                return false;
            }

            // The source-generated reader sets a missing init-only member to null, over its initializer: state of
            // schema 2 has no contents.
            state = read.Contents is null ? read with { Contents = new Dictionary<string, HeldContent>(StringComparer.Ordinal) } : read;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
