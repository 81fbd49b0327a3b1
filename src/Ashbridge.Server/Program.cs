using Ashbridge.Server.Api;
using Ashbridge.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddAshbridgeConnection();

var app = builder.Build();
app.MapStatusApi();
app.MapHealthChecks("/healthz");
await app.RunAsync();
