using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Hangar.Bench;

/// <summary>
/// The baseline for anything bound by SQLite commits: single-row insert transactions per second on the same disk,
/// with the server's settings (WAL, synchronous=FULL), one writer.
/// </summary>
internal static class SqliteCommitRate
{
    public static async Task<double> MeasureAsync(string directory, int commits)
    {
        var path = Path.Combine(directory, "commit-rate.db");
        double rate;
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)");
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < commits; i++)
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
                await Execute(connection, "INSERT INTO t (body) VALUES ('x')", transaction);
                await transaction.CommitAsync();
            }

            rate = commits / clock.Elapsed.TotalSeconds;
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        return rate;
    }

    private static async Task Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync();
    }
}
