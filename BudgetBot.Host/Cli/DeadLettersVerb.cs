using BudgetBot.Host.Options;
using BudgetBot.Host.Storage;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Cli;

/// <summary>
/// <c>dead-letters [--retry &lt;key&gt; | --retry-all]</c>: lists the events set aside after failing three times, with
/// their error; retrying puts them back in the queue for the service to handle on its next start. Listing works while
/// the service runs (from a consistent copy); retrying writes, so it needs the service stopped.
/// </summary>
internal sealed class DeadLettersVerb(IOptions<BudgetBotOptions> options)
{
    public int Run(CliArgs args, TextWriter output)
    {
        var retryOne = args.Option("--retry");
        var retryAll = args.Flags.Contains("--retry-all");
        if (options.Value.Storage.IsPostgres)
        {
            // A shared database: listing and retrying are plain reads and writes beside the running hosts.
            using var shared = HostingExtensions.OpenStore(options.Value);
            return retryOne is null && !retryAll ? Print(shared.DeadLetterList(1000), output) : Retry(shared, retryOne, retryAll, output, "the running hosts handle them shortly");
        }

        var path = options.Value.DatabasePath;
        if (!File.Exists(path))
        {
            output.WriteLine($"No data file at {Path.GetFullPath(path)}.");
            return 2;
        }

        if (retryOne is null && !retryAll)
        {
            return List(path, output);
        }

        using var store = LiteDbBudgetStore.OpenChecked(path);
        return Retry(store, retryOne, retryAll, output, "the service handles them when it starts");
    }

    private static int Retry(IServiceStore store, string? retryOne, bool retryAll, TextWriter output, string when)
    {
        var keys = retryAll ? store.DeadLetterList(int.MaxValue).Select(d => d.Key).ToList() : [retryOne!];
        var revived = keys.Count(store.Revive);
        if (retryOne is not null && revived == 0)
        {
            output.WriteLine($"No dead letter with key {retryOne}.");
            return 2;
        }

        output.WriteLine($"{revived} event(s) back in the queue; {when}.");
        return 0;
    }

    private static int List(string path, TextWriter output)
    {
        IReadOnlyList<DeadLetter> dead;
        try
        {
            using var store = LiteDbBudgetStore.OpenChecked(path);
            dead = store.DeadLetterList(1000);
        }
        catch (StartupProblem problem) when (problem.InnerException is DataDirInUseException)
        {
            dead = FromCopy(path);
        }

        return Print(dead, output);
    }

    private static int Print(IReadOnlyList<DeadLetter> dead, TextWriter output)
    {
        if (dead.Count == 0)
        {
            output.WriteLine("No dead letters.");
            return 0;
        }

        foreach (var d in dead)
        {
            output.WriteLine(FormattableString.Invariant($"{d.Key}\t{d.Platform}\t{d.At:yyyy-MM-dd HH:mm:ss}Z\ttries {d.Tries}\t{d.Error}"));
        }

        output.WriteLine($"{dead.Count} dead letter(s). Retry with: dead-letters --retry <key> (or --retry-all), with the service stopped.");
        return 0;
    }

    private static IReadOnlyList<DeadLetter> FromCopy(string path)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "budgetbot-dead-letters-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            if (!LiteDbSnapshot.Copy(path, scratch))
            {
                throw new StartupProblem("could not take a consistent copy of the data file to list dead letters; try again");
            }

            using var store = LiteDbBudgetStore.OpenChecked(Path.Combine(scratch, Path.GetFileName(path)));
            return store.DeadLetterList(1000);
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }
}
