using BudgetBot.Host.Jobs;
using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace BudgetBot.Host.Metrics;

/// <summary>OpenTelemetry metrics, scraped by Prometheus at <c>/metrics</c>: the service's own, ASP.NET Core's and the runtime's.</summary>
internal static class MetricsSetup
{
    public const string Path = "/metrics";

    public static IServiceCollection AddServiceMetrics(this IServiceCollection services)
    {
        services.AddSingleton<QueueGauges>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(ServiceMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>
    /// Served on the jobs dashboard's terms: to loopback requests while the service is only reachable locally, and
    /// behind the dashboard's user and password once it is reachable from elsewhere; not at all when that is unset.
    /// </summary>
    public static void MapServiceMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<BudgetBotOptions>>().Value;
        if (DashboardAccess.MustStayOff(options, app.Configuration))
        {
            Log.MetricsOff(app.Logger);
            return;
        }

        // The gauges exist once something has asked for them.
        app.Services.GetRequiredService<QueueGauges>();
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (http, next) =>
        {
            if (DashboardAccess.Allows(http, options.Dashboard))
            {
                await next(http);
                return;
            }

            // Without credentials configured only this machine may ask; with them, ask for them.
            var withCredentials = !string.IsNullOrEmpty(options.Dashboard.User) && !string.IsNullOrEmpty(options.Dashboard.Password);
            http.Response.StatusCode = withCredentials ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        }), optionsName: null);
    }
}
