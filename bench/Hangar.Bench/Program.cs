using Hangar.Bench;
using Hangar.Bench.Firmware;

// Against the real server on SQLite, over loopback. Usage: dotnet run -c Release --project bench/Hangar.Bench -- [events]
// measures webhook deliveries per second to a loopback receiver and event-stream fan-out to many subscribers (server
// in process); `-- firmware [runs]` measures upload and download of a 1 GiB binary against openssl and nginx baselines
// (server as a separate process; needs openssl, curl and nginx, and about 4 GiB free in the temp directory).
if (args.Length > 0 && args[0] == "firmware")
{
    await FirmwareTransfer.RunAsync(runs: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return;
}

var events = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1000;
await WebhookThroughput.RunAsync(events);
await StreamFanout.RunAsync(subscribers: 100, events: 100);
