using Ashbridge.Core;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Ashbridge.Server.Hosting;

/// <summary>
/// OpenTelemetry: Ashbridge's own spans and metrics (sync passes, webhook batches, rows written, deliveries by outcome)
/// with ASP.NET Core's requests. Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard
/// variables choose the protocol and headers); otherwise collected in-process only, for listeners such as dotnet-counters.
/// </summary>
public static class TelemetryHosting
{
    public static IHostApplicationBuilder AddAshbridgeTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("ashbridge"))
            .WithTracing(t => t.AddSource(AshbridgeTelemetry.Name).AddAspNetCoreInstrumentation())
            .WithMetrics(m => m.AddMeter(AshbridgeTelemetry.Name).AddAspNetCoreInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) telemetry.UseOtlpExporter();
        return builder;
    }
}
