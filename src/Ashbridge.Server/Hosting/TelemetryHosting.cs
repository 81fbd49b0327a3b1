using Ashbridge.Core;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Ashbridge.Server.Hosting;

/// <summary>
/// OpenTelemetry: Ashbridge's own spans and metrics (sync passes, webhook batches, rows written, deliveries by outcome)
/// with ASP.NET Core's requests, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard
/// variables choose the protocol and headers). Without an exporter the SDK is not started: recording a span for every
/// request that nothing reads cost a third of the webhook intake's CPU, and the sources and meters stay readable by
/// dotnet-counters and dotnet-trace without it.
/// </summary>
public static class TelemetryHosting
{
    public static IHostApplicationBuilder AddAshbridgeTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return builder;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("ashbridge"))
            .WithTracing(t => t.AddSource(AshbridgeTelemetry.Name).AddAspNetCoreInstrumentation())
            .WithMetrics(m => m.AddMeter(AshbridgeTelemetry.Name).AddAspNetCoreInstrumentation())
            .UseOtlpExporter();
        return builder;
    }
}
