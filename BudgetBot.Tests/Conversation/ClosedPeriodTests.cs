using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Reconciliation;
using BudgetBot.Host.Reports;
using BudgetBot.Tests.Storage;

namespace BudgetBot.Tests.Conversation;

/// <summary>A submitted half-year: closed, produced again unchanged, late entries only by an admin and listed in the next report.</summary>
public abstract class ClosedPeriodContract(StoreKind kind) : IDisposable
{
    private static readonly DateTimeOffset April = new(2023, 4, 5, 3, 0, 0, TimeSpan.Zero);
    private static readonly ReportRound H1 = ReportRound.Parse("h1")!;

    private readonly ChatFixture _chat = new(kind: kind);

    public void Dispose()
    {
        _chat.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public void ClosedHalfYear_IsProducedAgainUnchanged_AndALateEntryIsAnAdjustmentOfTheNextReport()
    {
        Assert.Contains("ยังไม่จบ", Say("local:admin", "ปิดรอบ 6 เดือน", ChatFixture.Now), StringComparison.Ordinal);
        Assert.StartsWith("ปิดรอบรายงาน 6 เดือน ปีงบประมาณ 2566 แล้ว", Say("local:admin", "ปิดรอบ 6 เดือน", April), StringComparison.Ordinal);
        var exporter = new ReportExporter(_chat.Store);
        var submitted = Text(exporter.Layout(_chat.OfficeId, 2566, H1, new DateOnly(2023, 4, 5)));
        var used = _chat.Figures(7).Used;

        Assert.Contains("ส่งรายงานรอบนี้แล้ว", Say("local:owner", "จ่าย 7 1,000 15 มี.ค. 66 ค่าวัสดุ", April.AddDays(1)), StringComparison.Ordinal);
        Assert.Equal(used, _chat.Figures(7).Used);
        var late = Say("local:admin", "จ่าย 7 1,000 15 มี.ค. 66 ค่าวัสดุ", April.AddDays(1));
        Assert.Contains("บันทึกย้อนหลังในรอบที่ส่งรายงานแล้ว", late, StringComparison.Ordinal);
        Assert.StartsWith("บันทึกแล้ว", Say("local:owner", "จ่าย 7 500 1 เม.ย. 66 ค่าน้ำ", April.AddDays(1)), StringComparison.Ordinal);
        Assert.Equal(used + 1_500m, _chat.Figures(7).Used);

        Assert.Equal(submitted, Text(exporter.Layout(_chat.OfficeId, 2566, H1, new DateOnly(2023, 7, 1))));
        var entry = _chat.Store.History(Project.KeyFor(_chat.OfficeId, 2566, 7), 2)[1];
        var next = Text(exporter.Layout(_chat.OfficeId, 2566, ReportRound.Parse("q3")!, new DateOnly(2023, 7, 1)));
        Assert.Contains("รายการปรับปรุงหลังส่งรายงานรอบก่อน 1 รายการ", next, StringComparison.Ordinal);
        Assert.Contains($"- รายการที่ {entry.Id} โครงการที่ 7 ลงวันที่ 15 มีนาคม 2566 จำนวน 1,000.00 บาท ค่าวัสดุ", next, StringComparison.Ordinal);
        Assert.Contains("ปิดรอบนี้ไว้แล้ว", Say("local:admin", "/close h1", April.AddDays(2)), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void NextReport_WithAdjustments_ReadsBackWithTheSameFigures()
    {
        Say("local:admin", "/close h1", April);
        Say("local:admin", "/spend 7 1000 2023-03-15 late", April.AddDays(1));
        var path = Path.Combine(Seed.TempDir(), "q3.xlsx");
        new ReportExporter(_chat.Store).WriteXlsx(path, _chat.OfficeId, 2566, ReportRound.Parse("q3")!, new DateOnly(2023, 7, 1));

        var again = ReportImport.Analyze(new ReportFileReader().Read(path).Lines, acceptRepairs: false);

        var seven = again.Readings.Single(r => r.Key.Number == 7).Value;
        Assert.Equal(_chat.Figures(7).Used, seven.Used);
    }

    [SkippableFact]
    public void OnlyAnAdmin_ClosesAPeriod()
    {
        Assert.Contains("เฉพาะผู้ดูแลระบบ", Say("local:head", "ปิดรอบ 6 เดือน", April), StringComparison.Ordinal);
        Assert.Null(_chat.Store.Submitted(_chat.OfficeId, 2566, 2));
    }

    private string Say(string who, string text, DateTimeOffset at) => _chat.Say(who, text, at: at)[0].Text;

    private static string Text(IReadOnlyList<LayoutRow> rows) =>
        string.Join('\n', rows.Select(r => string.Join('|', r.Cells.Select(c => $"{c.Text}{c.Amount}"))));
}

public sealed class ClosedPeriodTestsOnLiteDb() : ClosedPeriodContract(StoreKind.LiteDb);

public sealed class ClosedPeriodTestsOnPostgres() : ClosedPeriodContract(StoreKind.Postgres);

public sealed class ClosedPeriodTestsOnMemory() : ClosedPeriodContract(StoreKind.Memory);
