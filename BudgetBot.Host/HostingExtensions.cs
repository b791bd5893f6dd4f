using BudgetBot.Domain.Ports;
using BudgetBot.Host.Demo;
using BudgetBot.Host.Options;
using BudgetBot.Host.Storage;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host;

/// <summary>One extension per area, so Program.cs reads as a table of contents.</summary>
internal static class HostingExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// Embedded defaults from <c>config/appsettings.json</c> next to the program, then environment variables and the
    /// command line again so they still win over the file.
    /// </summary>
    public static void AddBudgetBotConfiguration(this WebApplicationBuilder builder, string[] args)
    {
        BudgetBotConfiguration.AddDefaults(builder.Configuration, builder.Environment.EnvironmentName);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
    }

    public static IServiceCollection AddBudgetBotOptions(this IServiceCollection services)
    {
        services.AddOptions<BudgetBotOptions>()
            .BindConfiguration(BudgetBotOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BudgetBotOptions>, ValidateBudgetBotOptions>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddSingleton<LiteDbBudgetStore>(sp => new LiteDbBudgetStore(sp.GetRequiredService<IOptions<BudgetBotOptions>>().Value.DatabasePath));
        services.AddSingleton<IBudgetStore>(sp => sp.GetRequiredService<LiteDbBudgetStore>());
        services.AddSingleton<Reports.ReportFileReader>();
        services.AddSingleton<Reports.ReportExporter>();
        return services;
    }

    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddSingleton<DemoData>();
        services.AddHostedService<DemoDataSeeder>();
        return services;
    }

    public static void MapHealth(this WebApplication app) =>
        app.MapGet("/healthz", (LiteDbBudgetStore store) => Results.Ok(new { status = "ok", offices = store.Offices().Count, commits = store.Commits }));
}
