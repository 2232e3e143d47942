using Hangar.Bench;

// Measures webhook deliveries per second to a loopback receiver and event-stream fan-out to many subscribers,
// against the real in-process server on SQLite. Usage: dotnet run -c Release --project bench/Hangar.Bench [events]
var events = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1000;
await WebhookThroughput.RunAsync(events);
await StreamFanout.RunAsync(subscribers: 100, events: 100);
