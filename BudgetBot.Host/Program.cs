using BudgetBot.Host;
using BudgetBot.Host.Cli;
using BudgetBot.Host.Jobs;
using BudgetBot.Host.Line;
using BudgetBot.Host.Local;
using BudgetBot.Host.Metrics;
using BudgetBot.Host.Telegram;

if (CliVerbs.IsVerb(args))
{
    return await CliVerbs.RunAsync(args);
}

if (CliVerbs.Usage(args, Console.Out, Console.Error) is { } code)
{
    return code;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddBudgetBotConfiguration(args);
// A failed start is reported below in one line per problem; the generic host would print it again with a stack trace.
builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
builder.Services
    .AddBudgetBotOptions()
    .AddStorage()
    .AddConversation()
    .AddDemoData()
    .AddJobs()
    .AddTelegram()
    .AddLine()
    .AddServiceMetrics();

try
{
    var app = builder.Build();
    app.OpenStore();
    app.UseRequestsInFlight();
    app.UseStoreFailures();
    app.UseKnownProxies();
    app.MapHealth();
    app.MapPlayground();
    BudgetBot.Host.Reports.ReportPage.MapReportPages(app);
    BudgetBot.Host.Reports.ReceiptPictures.MapReceiptPictures(app);
    app.MapJobs();
    app.MapServiceMetrics();
    app.MapTelegram();
    app.MapLine();
    await app.RunAsync();
    return 0;
}
catch (Exception error) when (StartupProblem.Lines(error) is { } problems)
{
    foreach (var problem in problems)
    {
        await Console.Error.WriteLineAsync("BudgetBot cannot start: " + problem);
    }

    return 1;
}

/// <summary>Visible to the host tests, which start the real application.</summary>
public partial class Program;
