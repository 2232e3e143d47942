using System.Globalization;
using Hangar.Bench;
using Hangar.Bench.Agent;
using Hangar.Bench.Firmware;
using Hangar.Bench.Fleet;
using Hangar.Bench.Sockets;
using Hangar.Bench.Telemetry;
using Hangar.Bench.Tunnels;
using Hangar.Bench.Updates;
using Hangar.Testing;

// Benchmarks against the real server with baselines measured in the same run. Usage:
//   dotnet run -c Release --project bench/Hangar.Bench -- webhooks [events]
//   dotnet run -c Release --project bench/Hangar.Bench -- handshakes [concurrency] [seconds] [rounds] [path, default /device/v1/ping]
//   dotnet run -c Release --project bench/Hangar.Bench -- firmware [runs]   (server as a separate process; needs openssl, curl, nginx, ~4 GiB in temp)
//   dotnet run -c Release --project bench/Hangar.Bench -- ingest [rounds]   (the server's upload ingest alone, pre-hashed parts, vs openssl; ~3 GiB in temp, 1 GiB RAM)
//   dotnet run -c Release --project bench/Hangar.Bench -- update-checks sqlite|postgres [devices] [phase seconds] [workers]
//   dotnet run -c Release --project bench/Hangar.Bench -- agent [runs]      (after scripts/publish-agent; needs curl, ~1.5 GiB in temp)
//   dotnet run -c Release --project bench/Hangar.Bench -- telemetry [senders] [seconds] [rounds]   (SQLite ingest vs a bare batched writer)
//   dotnet run -c Release --project bench/Hangar.Bench -- sockets [devices] [in flight] [admissions/s] [burst]   (as root: raises the open-file limit)
//   dotnet run -c Release --project bench/Hangar.Bench -- fleet-summary sqlite|postgres [devices] [runs]
//   dotnet run -c Release --project bench/Hangar.Bench -- tunnels [MiB] [rounds] [messages] [idle tunnels]   (after scripts/publish-agent)
// `drive` is the update-check load driver, started by the update-checks scenario as a child process; `echo-server` and
// `tcp-forward` are the sockets and tunnels scenarios' baselines, started the same way.
static int Number(string[] args, int index, int fallback) =>
    args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

switch (args.FirstOrDefault())
{
    case "drive":
        return await CheckDriver.RunAsync(args[1]);
    case "update-checks":
        var database = args.Length > 1 && args[1] == "postgres" ? DatabaseKind.Postgres : DatabaseKind.Sqlite;
        await UpdateCheckThroughput.RunAsync(database, Number(args, 2, 10_000), Number(args, 3, 15), Number(args, 4, 64));
        return 0;
    case "fleet-summary":
        await FleetSummaryLatency.RunAsync(args.Length > 1 && args[1] == "postgres" ? DatabaseKind.Postgres : DatabaseKind.Sqlite,
            Number(args, 2, 100_000), Number(args, 3, 5));
        return 0;
    case "firmware":
        await FirmwareTransfer.RunAsync(runs: Number(args, 1, 3));
        return 0;
    case "ingest":
        await ServerIngest.RunAsync(rounds: Number(args, 1, 5));
        return 0;
    case "agent":
        await AgentFootprint.RunAsync(runs: Number(args, 1, 3));
        return 0;
    case "echo-server":
        return await EchoServer.RunAsync(args[1]);
    case "tcp-forward":
        return await TcpForwarder.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture));
    case "sockets":
        await IdleSockets.RunAsync(devices: Number(args, 1, 20_000), concurrency: Number(args, 2, 64), admissionsPerSecond: Number(args, 3, 500), admissionBurst: Number(args, 4, 1000));
        return 0;
    case "tunnels":
        await TunnelRelayBench.RunAsync(megabytes: Number(args, 1, 100), rounds: Number(args, 2, 5), messages: Number(args, 3, 1000), idleTunnels: Number(args, 4, 50));
        return 0;
    case "telemetry":
        await TelemetryIngest.RunAsync(workers: Number(args, 1, 8), duration: TimeSpan.FromSeconds(Number(args, 2, 20)), rounds: Number(args, 3, 3));
        return 0;
    case "handshakes":
        await MutualTlsHandshakes.RunAsync(concurrency: Number(args, 1, 16), duration: TimeSpan.FromSeconds(Number(args, 2, 10)), rounds: Number(args, 3, 3),
            path: args.Length > 4 ? args[4] : "/device/v1/ping");
        return 0;
    case "webhooks" or null:
        await WebhookThroughput.RunAsync(Number(args, 1, 1000));
        await StreamFanout.RunAsync(subscribers: 100, events: 100);
        return 0;
    default:
        Console.Error.WriteLine("usage: Hangar.Bench webhooks [events] | firmware [runs] | ingest [rounds] | handshakes [concurrency] [seconds] [rounds] [path] | update-checks sqlite|postgres [devices] [phase seconds] [workers] | agent [runs] | telemetry [senders] [seconds] [rounds] | sockets [devices] [in flight] [admissions/s] [burst] | fleet-summary sqlite|postgres [devices] [runs] | tunnels [MiB] [rounds] [messages] [idle tunnels]");
        return 2;
}
