using System.Text.Json;

namespace BudgetBot.Bench.Load;

/// <summary>The summary: per level, and one JSON line whose headline is the 16-sender figure on the smallest ledger.</summary>
internal static class Report
{
    private static readonly JsonSerializerOptions Camel = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Print(List<LevelResult> levels, List<(long Ledger, double RssMb, double IdleCpuPercent, Verdict Verdict)> totals, Limits limits, bool json)
    {
        var (raw, rawName, disk) = limits;
        var single = levels.First(l => l.Name == "1 sender");
        var headline = levels.First(l => l.Name == "16 senders");
        var paced = levels.First(l => l.Name.StartsWith("paced", StringComparison.Ordinal));
        var flat = levels.Where(l => l.Name == "16 senders").Select(l => l.MessagesPerSec).ToList();
        Console.WriteLine();
        Console.WriteLine($"16 senders: {headline.MessagesPerSec:N0} msg/s end to end = {headline.MessagesPerSec / disk:N2} × 4 KB append + fdatasync ({disk:N0}/s), {headline.MessagesPerSec / raw:N2} × {rawName} ({raw:N0}/s)");
        Console.WriteLine($"1 sender: {single.MessagesPerSec:N0} msg/s; CPU per message {single.CpuMsPerMessage:N2} ms at 1 sender, {headline.CpuMsPerMessage:N2} ms at 16; idle CPU {totals.Max(t => t.IdleCpuPercent):N2}% of a core");
        Console.WriteLine($"paced 200/s: p50 {paced.P50Ms} ms, p99 {paced.P99Ms} ms; peak RSS {totals.Max(t => t.RssMb):F0} MB");
        if (flat.Count > 1)
        {
            Console.WriteLine($"16 senders by ledger size: {string.Join(", ", levels.Where(l => l.Name == "16 senders").Select(l => $"{l.Ledger:N0} → {l.MessagesPerSec:N0}/s"))}");
        }

        var summary = new
        {
            messagesPerSec = headline.MessagesPerSec,
            rawInsertPerSec = Math.Round(raw),
            rawLimit = rawName,
            ratio = Math.Round(headline.MessagesPerSec / raw, 2),
            diskSyncPerSec = Math.Round(disk),
            ratioToDiskSync = Math.Round(headline.MessagesPerSec / disk, 3),
            oneSenderPerSec = single.MessagesPerSec,
            cpuMsPerMessage1 = single.CpuMsPerMessage,
            cpuMsPerMessage16 = headline.CpuMsPerMessage,
            idleCpuPercent = Math.Round(totals.Max(t => t.IdleCpuPercent), 2),
            p50Ms = paced.P50Ms,
            p99Ms = paced.P99Ms,
            rssMb = Math.Round(totals.Max(t => t.RssMb)),
            lost = totals.Sum(t => t.Verdict.Lost),
            doubled = totals.Sum(t => t.Verdict.Doubled),
            outOfOrder = totals.Sum(t => t.Verdict.OutOfOrder),
            repliesMissing = totals.Sum(t => t.Verdict.RepliesMissing),
            repliesExtra = totals.Sum(t => t.Verdict.RepliesExtra),
            levels,
        };
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(summary, Camel));
        }
    }
}

/// <summary>What the run's figures are compared with: the store's raw inserts and the disk's own durable appends, measured in the same run.</summary>
internal sealed record Limits(double RawPerSec, string RawName, double DiskSyncPerSec);
