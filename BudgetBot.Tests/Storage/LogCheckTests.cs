using System.Security.Cryptography;
using BudgetBot.Host;
using BudgetBot.Host.Storage;
using BudgetBot.Tests.Host;

namespace BudgetBot.Tests.Storage;

/// <summary>
/// A log left by a crash is replayed into the data file at the next start; one that is not LiteDB's, or that was
/// written on another copy of the data file, is refused with one line before anything is written.
/// </summary>
public sealed class LogCheckTests
{
    [Fact]
    public async Task RandomBytesInTheLog_StopTheStart_WithOneLine_AndNoFileIsTouched()
    {
        var path = Path.Combine(Seed.TempDir(), "budgetbot.db");
        await CrashTests.RunAndKill(path, acknowledgements: 40);
        var log = LiteDbSnapshot.LogOf(path);
        var garbage = new byte[new FileInfo(log).Length];
        new Random(2566).NextBytes(garbage);
        await File.WriteAllBytesAsync(log, garbage);
        var before = (Hash(path), Hash(log), new FileInfo(path).Length);

        var (code, _, error) = await HostProcess.RunToExitAsync(new Dictionary<string, string> { ["BudgetBot__DataDir"] = Path.GetDirectoryName(path)! }, "--urls", "http://127.0.0.1:0");
        var backup = await HostProcess.RunToExitAsync(new Dictionary<string, string> { ["BudgetBot__DataDir"] = Path.GetDirectoryName(path)! }, "backup", Path.Combine(Seed.TempDir(), "copy.db"));

        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n'), l => l.StartsWith("BudgetBot cannot start", StringComparison.Ordinal));
        Assert.Contains(log, line, StringComparison.Ordinal);
        Assert.Contains("damaged", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        // The backup verb reads the same log and refuses it too, instead of folding terabytes of pages in.
        Assert.NotEqual(0, backup.Code);
        Assert.Contains("damaged", backup.Output + backup.Error, StringComparison.Ordinal);
        Assert.Equal(before, (Hash(path), Hash(log), new FileInfo(path).Length));
    }

    [Fact]
    public async Task RestoredBackupNextToTheOldLog_IsRefused_UntilTheLogIsMovedAway()
    {
        var path = Path.Combine(Seed.TempDir(), "budgetbot.db");
        await CrashTests.RunAndKill(path, acknowledgements: 40);
        long entries;
        using (var store = new LiteDbBudgetStore(path))
        {
            entries = store.LedgerTotals().Entries;
        }

        var backup = Path.Combine(Seed.TempDir(), "backup.db");
        File.Copy(path, backup);
        // Opened and closed once more, the file has moved on from the backup (a later checkpoint), and the log of the
        // next crash is written on that later file.
        new LiteDbBudgetStore(path).Dispose();
        await CrashTests.RunAndKill(path, acknowledgements: 60);
        var log = LiteDbSnapshot.LogOf(path);
        File.Copy(backup, path, overwrite: true);
        var before = (Hash(path), Hash(log));

        var refused = Assert.Throws<StartupProblem>(() => LiteDbBudgetStore.OpenChecked(path));

        Assert.Contains("another copy", refused.Message, StringComparison.Ordinal);
        Assert.Contains(log, refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, (Hash(path), Hash(log)));
        File.Move(log, log + ".old");
        using (var restored = LiteDbBudgetStore.OpenChecked(path))
        {
            Assert.Equal(entries, restored.LedgerTotals().Entries);
            Assert.Empty(restored.VerifyBalances());
        }
    }

    [Fact]
    public async Task LogOfTheSameFile_IsReplayed_AlsoWhenACheckpointStoppedHalfWay()
    {
        var path = Path.Combine(Seed.TempDir(), "budgetbot.db");
        await CrashTests.RunAndKill(path, acknowledgements: 40);
        new LiteDbBudgetStore(path).Dispose();
        // A checkpoint copies the log's pages into the data file; one killed after it wrote the header page leaves the
        // data file with the log's newest header (without its per-commit fields) and the whole log still beside it.
        // The log is folded in every 4 MB, so a kill can land just after a fold, on a log with no header page yet: the
        // writer then runs on until one is there.
        long last;
        byte[]? newest;
        var runs = 0;
        do
        {
            last = await CrashTests.RunAndKill(path, acknowledgements: 60);
            var log = await File.ReadAllBytesAsync(LiteDbSnapshot.LogOf(path));
            newest = Enumerable.Range(0, log.Length / 8192).Select(n => log.AsSpan(n * 8192, 8192).ToArray()).LastOrDefault(p => p[4] == 1);
        }
        while (newest is null && ++runs < 5);

        Assert.NotNull(newest);
        newest.AsSpan(14, 4).Fill(0xff);
        newest[18] = 0;
        await using (var data = new FileStream(path, FileMode.Open))
        {
            data.Write(newest);
        }

        using var store = LiteDbBudgetStore.OpenChecked(path);

        Assert.NotNull(store.Entry(last));
        Assert.Empty(store.VerifyBalances());
    }

    private static string Hash(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
}
