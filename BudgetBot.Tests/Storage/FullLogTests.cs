using BudgetBot.Domain.Budget;
using BudgetBot.Host.Storage;

namespace BudgetBot.Tests.Storage;

/// <summary>
/// The store over a log file that refuses writes the way a full disk does (ENOSPC), for every machine: the host-level
/// test needs a small disk it may mount. A refused commit fails and is not kept; once writes go through again the
/// next one succeeds without reopening the store by hand, and nothing acknowledged is lost.
/// </summary>
public sealed class FullLogTests
{
    [Fact]
    public void LogRefusesWrites_CommitsFail_ThenTheNextOneAfterSpaceReturnsIsStored_NothingLost()
    {
        var path = Path.Combine(Seed.TempDir(), "budgetbot.db");
        var disk = new Disk();
        using (var store = new LiteDbBudgetStore(path, disk.Open))
        {
            store.Import(Seed.Analyze(acceptRepairs: true).ToSnapshot(StoreFixture.At, "seed"));
            var office = store.Offices()[0].Id;
            var ledger = new Ledger(store);
            var stored = new List<long>();
            void Spend(string key) => stored.Add(store.Run(() => ledger.Spend(Project.KeyFor(office, 2566, 3), 1.25m, new DateOnly(2023, 2, 1), key, "owner", key, StoreFixture.At)).Entry!.Id);

            Spend("before-1");
            Spend("before-2");
            disk.Full = true;

            Assert.ThrowsAny<IOException>(() => Spend("while-full"));
            Assert.ThrowsAny<IOException>(() => Spend("while-full"));
            Assert.ThrowsAny<IOException>(store.Probe);
            Assert.True(disk.Refused > 0);

            disk.Full = false;
            store.Probe();
            Spend("while-full");
            Spend("after");

            Assert.Equal(4, stored.Count);
            Assert.Empty(store.VerifyBalances());
        }

        using var reopened = new LiteDbBudgetStore(path);
        var ids = reopened.EntryIdsBySource(key => !key.StartsWith("import:", StringComparison.Ordinal));
        Assert.Equal(["after", "before-1", "before-2", "while-full"], ids.Keys.Order());
        Assert.All(ids.Values, entries => Assert.Single(entries));
        Assert.Empty(reopened.VerifyBalances());
    }

    /// <summary>Opens log files that refuse every write and flush with ENOSPC while <see cref="Full"/> is set.</summary>
    private sealed class Disk
    {
        private int _refused;

        public volatile bool Full;

        public int Refused => _refused;

        public FileStream Open(string path) => new RefusingFile(this, path);

        private void Check()
        {
            if (Full)
            {
                Interlocked.Increment(ref _refused);
                throw new IOException("No space left on device", 28);
            }
        }

        private sealed class RefusingFile(Disk disk, string path)
            : FileStream(path, new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.Read })
        {
            public override void Write(byte[] buffer, int offset, int count)
            {
                disk.Check();
                base.Write(buffer, offset, count);
            }

            public override void Write(ReadOnlySpan<byte> buffer)
            {
                disk.Check();
                base.Write(buffer);
            }

            public override void Flush(bool flushToDisk)
            {
                disk.Check();
                base.Flush(flushToDisk);
            }
        }
    }
}
