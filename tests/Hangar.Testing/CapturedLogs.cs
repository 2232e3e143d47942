using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Hangar.Testing;

/// <summary>
/// A logger provider that keeps every line a server logs: category, level, the formatted message, the values of the
/// scopes it was logged in and the exception (with its stack trace), so tests can look for what must never be logged.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<Entry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public sealed record Entry(string Category, LogLevel Level, string Message, string Scopes, string? Exception)
    {
        /// <summary>Everything a log sink could print for this line.</summary>
        public string Text => $"{Level} {Category}: {Message} [{Scopes}] {Exception}";
    }

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            owner._scopes.ForEachScope((scope, list) =>
            {
                list.Add(scope?.ToString() ?? "");
                if (scope is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    list.AddRange(values.Select(value => $"{value.Key}={value.Value}"));
                }
            }, scopes);
            owner._entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), string.Join("; ", scopes), exception?.ToString()));
        }
    }
}
