namespace Hangar.Console.Events;

/// <summary>A stream's state, with the wait before the next attempt and what ended the last one when reconnecting.</summary>
internal sealed record StreamStatus(StreamState State, TimeSpan RetryIn = default, Exception? Error = null);
