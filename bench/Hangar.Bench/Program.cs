using System.Globalization;
using Hangar.Bench;

// Measures webhook deliveries per second to a loopback receiver, event-stream fan-out to many subscribers, and
// mutual-TLS handshakes per second on the device listener against nginx, with the real in-process server on SQLite.
// Usage: dotnet run -c Release --project bench/Hangar.Bench [webhooks [events] | handshakes [concurrency] [seconds] [rounds]]
var scenario = args.Length > 0 && !char.IsDigit(args[0][0]) ? args[0] : "webhooks";
var numbers = args.SkipWhile(a => !char.IsDigit(a[0])).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
int Argument(int index, int fallback) => numbers.Count > index ? numbers[index] : fallback;

switch (scenario)
{
    case "webhooks":
        await WebhookThroughput.RunAsync(Argument(0, 1000));
        await StreamFanout.RunAsync(subscribers: 100, events: 100);
        break;
    case "handshakes":
        await MutualTlsHandshakes.RunAsync(concurrency: Argument(0, 16), duration: TimeSpan.FromSeconds(Argument(1, 10)), rounds: Argument(2, 3));
        break;
    default:
        Console.Error.WriteLine($"unknown scenario '{scenario}': webhooks or handshakes");
        return 2;
}

return 0;
