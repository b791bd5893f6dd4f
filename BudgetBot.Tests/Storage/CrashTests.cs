using System.Diagnostics;
using BudgetBot.Host.Storage;

namespace BudgetBot.Tests.Storage;

public sealed class CrashTests
{
    [Fact]
    public async Task KilledWriter_LeavesAFileThatOpensAndReconciles()
    {
        var path = Path.Combine(Seed.TempDir(), "budgetbot.db");
        long lastAcknowledged = 0;
        for (var round = 0; round < 3; round++)
        {
            lastAcknowledged = await RunAndKill(path, acknowledgements: 150 + (round * 137));

            using var store = new LiteDbBudgetStore(path);
            Assert.Empty(store.VerifyBalances());
            Assert.NotNull(store.Entry(lastAcknowledged));
            Assert.Single(store.Offices());
        }
    }

    /// <summary>Runs <see cref="CrashWriter"/> on <paramref name="path"/> and SIGKILLs it after that many acknowledged entries; the last one acknowledged.</summary>
    internal static async Task<long> RunAndKill(string path, int acknowledgements)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(TestProgram).Assembly.Location);
        start.ArgumentList.Add("crash-writer");
        start.ArgumentList.Add(path);
        using var child = Process.Start(start)!;
        long last = 0;
        var seen = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (seen < acknowledgements)
        {
            var line = await child.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("writer stopped: " + await child.StandardError.ReadToEndAsync(timeout.Token));
            if (long.TryParse(line, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                last = id;
                seen++;
            }
        }

        // Killed mid-stream: some entry is usually half-written when this lands.
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync(timeout.Token);
        return last;
    }
}
