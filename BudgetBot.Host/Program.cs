using BudgetBot.Host;
using BudgetBot.Host.Cli;
using BudgetBot.Host.Jobs;
using BudgetBot.Host.Line;
using BudgetBot.Host.Local;
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
builder.Services
    .AddBudgetBotOptions()
    .AddStorage()
    .AddConversation()
    .AddDemoData()
    .AddJobs()
    .AddTelegram()
    .AddLine();

var app = builder.Build();
app.MapHealth();
app.MapPlayground();
app.MapJobs();
app.MapTelegram();
app.MapLine();
await app.RunAsync();
return 0;

/// <summary>Visible to the host tests, which start the real application.</summary>
public partial class Program;
