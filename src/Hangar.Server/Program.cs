using Hangar.Server;

var builder = WebApplication.CreateBuilder(args);
builder.AddHangarServer(args);

var app = builder.Build();
app.UseHangarServer();
await app.RunAsync();
