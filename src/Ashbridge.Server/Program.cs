using Ashbridge.Server.Api;
using Ashbridge.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddAshbridgeConnection();
await builder.AddAshbridgeMirrorAsync();

var app = builder.Build();
app.MapStatusApi();
app.MapHealthChecks("/healthz");
await app.RunAsync();
