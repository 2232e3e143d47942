using System.CommandLine;
using System.Text.Json;
using Hangar.Cli.Output;
using Hangar.Cli.Profiles;
using Hangar.Client;

namespace Hangar.Cli;

/// <summary>
/// One invocation's surroundings (writers, environment, clock) and the single place where failures become exit
/// codes, so every command reports errors the same way.
/// </summary>
internal sealed class CliContext(
    TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?> environment, TimeProvider time, bool isTerminal)
{
    public GlobalOptions Options { get; } = new();

    public IReadOnlyDictionary<string, string?> Environment { get; } = environment;

    public TimeProvider Time { get; } = time;

    public ConnectionResolver Connections { get; } = new(environment, ProfileStore.FromEnvironment(environment));

    public CommandOutput Output(ParseResult parseResult) => new(Options.Format(parseResult), stdout, stderr, isTerminal);

    /// <summary>Runs a command that needs no server (profiles).</summary>
    public int Run(ParseResult parseResult, Func<CommandOutput, int> body)
    {
        try
        {
            return body(Output(parseResult));
        }
        catch (CommandException exception)
        {
            return ErrorReporter.Report(exception, stderr);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return ErrorReporter.Unexpected(exception, stderr);
        }
    }

    /// <summary>
    /// Runs a command against the server of the resolved connection. <paramref name="connect"/> replaces the usual
    /// flag/environment/profile resolution (login takes no settings from an existing profile).
    /// </summary>
    public async Task<int> RunAsync(
        ParseResult parseResult, Func<ApiSession, CancellationToken, Task<int>> body, CancellationToken cancellationToken,
        Func<ParseResult, Connection>? connect = null)
    {
        Connection connection;
        try
        {
            connection = connect?.Invoke(parseResult) ?? Connections.Resolve(
                parseResult.GetValue(Options.Profile), parseResult.GetValue(Options.Url), parseResult.GetValue(Options.ApiKey));
        }
        catch (CommandException exception)
        {
            return ErrorReporter.Report(exception, stderr);
        }

        using var http = HangarClient.CreateHttpClient(connection.Url, connection.ApiKey);
        try
        {
            return await body(new ApiSession(new HangarClient(http), Output(parseResult), connection), cancellationToken);
        }
        catch (CommandException exception)
        {
            return ErrorReporter.Report(exception, stderr);
        }
        catch (HangarApiException exception)
        {
            return ErrorReporter.Report(exception, connection.Url, stderr);
        }
        catch (HttpRequestException exception)
        {
            return ErrorReporter.Unreachable(exception, connection.Url, stderr);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation the caller never asked for.
            return ErrorReporter.Unreachable(exception.InnerException ?? exception, connection.Url, stderr);
        }
        catch (JsonException exception)
        {
            return ErrorReporter.Unreadable(exception, connection.Url, stderr);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return ErrorReporter.Unexpected(exception, stderr);
        }
    }
}
