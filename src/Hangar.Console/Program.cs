using Hangar.Client;
using Hangar.Console;
using Hangar.Console.Session;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Microsoft.AspNetCore.Components.WebAssembly.Services;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");

// The console talks only to the Admin API of the server that served it (same origin, so the browser sends the
// SameSite=Strict session cookie by itself); the session's CSRF token is added once signed in.
// HttpClientHandler is the browser's fetch here; one client for the page's lifetime.
builder.Services.AddSingleton(_ => new HangarClient(
    new HttpClient(new HttpClientHandler(), disposeHandler: true) { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) }));
builder.Services.AddSingleton<ConsoleSession>();
builder.Services.AddSingleton<LazyAssemblyLoader>();

await builder.Build().RunAsync();
