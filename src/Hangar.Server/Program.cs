using Hangar.Server;

// appsettings.json ships beside the binary, so the server behaves the same from whatever directory it is started.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddHangarServer(args);

var app = builder.Build();
app.UseHangarServer();
await app.RunAsync();
