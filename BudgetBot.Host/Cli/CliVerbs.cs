using BudgetBot.Host.Jobs;
using BudgetBot.Host.Local;

namespace BudgetBot.Host.Cli;

/// <summary>
/// The program's command-line verbs. Each reads the same configuration as the service (files, then environment),
/// with <c>--data-dir</c> on top, and logs to standard error so standard output stays the verb's answer.
/// </summary>
internal static class CliVerbs
{
    private static readonly Dictionary<string, Func<IServiceProvider, CliArgs, TextWriter, TextReader, int>> Verbs = new()
    {
        ["import"] = (sp, a, o, _) => ActivatorUtilities.CreateInstance<ImportVerb>(sp).Run(a, o),
        ["export"] = (sp, a, o, _) => ActivatorUtilities.CreateInstance<ExportVerb>(sp).Run(a, o),
        ["chat"] = (sp, a, o, i) => ActivatorUtilities.CreateInstance<ChatVerb>(sp).Run(a, o, i),
        ["remind"] = (sp, a, o, _) => ActivatorUtilities.CreateInstance<RemindVerb>(sp).Run(a, o),
        ["export-ledger"] = (sp, a, o, _) => ActivatorUtilities.CreateInstance<ExportLedgerVerb>(sp).Run(a, o),
        ["backup"] = (sp, a, o, _) => ActivatorUtilities.CreateInstance<BackupVerb>(sp).Run(a, o),
        ["dead-letters"] = (sp, a, o, _) => ActivatorUtilities.CreateInstance<DeadLettersVerb>(sp).Run(a, o),
        ["migrate"] = (sp, a, o, _) => ActivatorUtilities.CreateInstance<MigrateVerb>(sp).Run(a, o),
    };

    /// <summary>The version this build was made as, with the commit the SDK adds to it.</summary>
    public static string Version =>
        typeof(CliVerbs).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false) is [System.Reflection.AssemblyInformationalVersionAttribute a, ..]
            ? a.InformationalVersion
            : typeof(CliVerbs).Assembly.GetName().Version?.ToString() ?? "unknown";

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.ContainsKey(args[0]);

    /// <summary>
    /// <c>--help</c> prints the verbs (exit 0); a first word that is neither a verb nor an option is refused with the
    /// verbs (exit 2). Anything else is the service's own command line (<c>--urls</c> and the like): null, start it.
    /// </summary>
    public static int? Usage(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length > 0 && args[0] == "--version")
        {
            output.WriteLine($"BudgetBot {Version}");
            return 0;
        }

        if (args.Length == 0 || (args[0].StartsWith('-') && args[0] is not ("--help" or "-h" or "-?")))
        {
            return null;
        }

        var help = args[0] is "--help" or "-h" or "-?";
        var writer = help ? output : error;
        if (!help)
        {
            writer.WriteLine($"Unknown verb '{args[0]}'.");
        }

        writer.WriteLine("""
            Usage: dotnet run --project BudgetBot.Host [-- VERB ...]
              (no verb)                                  start the service (http://127.0.0.1:5080; --urls to change)
              import <file> [--json] [--accept-repairs]  import a monitoring report
              import <file> --update                     a revised report of a year held, as dated adjustments
              export <file.xlsx> [--fiscal-year 2566] [--round h1]
              chat --as <platform:id> [--chat <platform:chatId>] [--at <ISO time>]  (--at: the session's clock, for rehearsals)
              remind --dry-run [--at <time>]
              export-ledger <file.csv> [--fiscal-year 2566]  the audit trail as CSV
              backup <file>                              a consistent copy of the data, also while the service runs
              dead-letters [--retry <key> | --retry-all] events set aside after failing; retry needs the service stopped
              migrate --to postgres|litedb [--connection CS]  move the data between the LiteDB file and PostgreSQL
            Every verb takes --data-dir DIR. --version prints the version.
            """);
        return help ? 0 : 2;
    }

    public static Task<int> RunAsync(string[] args) => Task.FromResult(Run(args, Console.Out, Console.Error, Console.In));

    public static int Run(string[] args, TextWriter output, TextWriter error, TextReader? input = null)
    {
        var verb = Verbs[args[0]];
        var parsed = CliArgs.Parse(args.Skip(1));
        if (parsed.Error is not null)
        {
            error.WriteLine(parsed.Error);
            return 2;
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = false });
        BudgetBotConfiguration.AddDefaults(builder.Configuration, builder.Environment.EnvironmentName);
        builder.Configuration.AddEnvironmentVariables();
        if (parsed.Option("--data-dir") is { } dataDir)
        {
            builder.Configuration.AddInMemoryCollection([new("BudgetBot:DataDir", dataDir)]);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // Verbs run no platform, but read the same settings: admins are written in the platforms' identity forms.
        builder.Services.AddSingleton(Telegram.TelegramSetup.Identity).AddSingleton(Line.LineSetup.Identity);
        builder.Services.AddBudgetBotOptions().AddStorage();
        if (args[0] == "chat" && parsed.Option("--at") is { } at && CliTime.TryRead(at, builder.Configuration["BudgetBot:TimeZone"] ?? "Asia/Bangkok", out var start))
        {
            // The whole session runs at that time: the engine, the drainer and the senders all read this clock.
            builder.Services.AddSingleton<TimeProvider>(new RehearsalClock(start));
        }
        else if (args[0] != "chat")
        {
            // Only the service and chat run on the demo's clock; the other verbs read and write as of now.
            builder.Services.AddSingleton(TimeProvider.System);
        }

        builder.Services.AddConversation().AddDemoData().AddReminders();
        using var host = builder.Build();
        try
        {
            return verb(host.Services, parsed, output, input ?? TextReader.Null);
        }
        catch (Exception ex) when (StartupProblem.Lines(ex) is { } problems)
        {
            foreach (var problem in problems)
            {
                error.WriteLine(problem);
            }

            return 1;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
    }
}
