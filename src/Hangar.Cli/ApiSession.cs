using Hangar.Cli.Output;
using Hangar.Cli.Profiles;
using Hangar.Client;

namespace Hangar.Cli;

/// <summary>What a command that calls the API gets: a client for the resolved connection and the output.</summary>
internal sealed record ApiSession(HangarClient Client, CommandOutput Output, Connection Connection);
