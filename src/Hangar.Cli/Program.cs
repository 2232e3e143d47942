using System.Collections;
using Hangar.Cli;

var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
    .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value, StringComparer.Ordinal);
return await new CliApplication().RunAsync(args, Console.Out, Console.Error, environment);
