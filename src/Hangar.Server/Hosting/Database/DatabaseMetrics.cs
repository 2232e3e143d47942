using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Hangar.Server.Hosting.Database;

/// <summary>
/// Meter <c>Hangar.Database</c>: how long this node's database commands take, which of them fail and how, and whether
/// the database answered the last command. An interceptor on every context, so every query and save is measured
/// whatever the feature; the tags are the command kind and the failure kind only, never the SQL.
/// </summary>
internal sealed class DatabaseMetrics : DbCommandInterceptor
{
    public const string MeterName = "Hangar.Database";

    private const int SqliteConstraint = 19;

    // Milliseconds to seconds: an indexed read takes well under one, a slow migration or a lock wait several.
    private static readonly InstrumentAdvice<double> DurationBuckets = new()
    {
        HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _failures;

    // 1 while the last command reached the database (or none ran yet), 0 after one failed because it could not.
    private int _available = 1;

    public DatabaseMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _duration = meter.CreateHistogram<double>("hangar.database.command.duration", "s",
            "Database commands of this node by kind (query, scalar, non_query) and outcome (ok, failed).", tags: null, DurationBuckets);
        _failures = meter.CreateCounter<long>("hangar.database.command.failures", "{command}",
            "Database commands that failed, by kind of failure (unavailable, constraint, timeout, cancelled, other).");
        meter.CreateObservableGauge("hangar.database.available", () => Volatile.Read(ref _available), unit: null,
            "1 when the last database command of this node reached the database, 0 when it found the database unavailable.");
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Executed("query", eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Executed("query", eventData.Duration);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Executed("scalar", eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Executed("scalar", eventData.Duration);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Executed("non_query", eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Executed("non_query", eventData.Duration);
        return result;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Failed(eventData);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData);
        return Task.CompletedTask;
    }

    private void Executed(string kind, TimeSpan duration)
    {
        Volatile.Write(ref _available, 1);
        _duration.Record(duration.TotalSeconds, new("kind", kind), new("outcome", "ok"));
    }

    private void Failed(CommandErrorEventData failure)
    {
        var kind = FailureKind(failure.Exception);
        if (kind == "unavailable")
        {
            Volatile.Write(ref _available, 0);
        }

        _duration.Record(failure.Duration.TotalSeconds, new("kind", CommandKind(failure.ExecuteMethod)), new("outcome", "failed"));
        _failures.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    private static string FailureKind(Exception exception) => exception switch
    {
        _ when DatabaseUnavailable.Is(exception) => "unavailable",
        SqliteException { SqliteErrorCode: SqliteConstraint } => "constraint",
        PostgresException postgres when postgres.SqlState.StartsWith("23", StringComparison.Ordinal) => "constraint",
        OperationCanceledException => "cancelled",
        TimeoutException or DbException { InnerException: TimeoutException } => "timeout",
        _ => "other",
    };

    private static string CommandKind(DbCommandMethod method) => method switch
    {
        DbCommandMethod.ExecuteReader => "query",
        DbCommandMethod.ExecuteScalar => "scalar",
        _ => "non_query",
    };
}
