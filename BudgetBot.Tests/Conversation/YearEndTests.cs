using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;
using BudgetBot.Tests.Storage;

namespace BudgetBot.Tests.Conversation;

/// <summary>The year's end and the next year side by side: carry-over, an older year by <c>7/2566</c>, owners kept, on every store.</summary>
public abstract class YearEndContract(StoreKind kind) : IDisposable
{
    private static readonly DateTimeOffset September = new(2023, 9, 25, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset October = new(2023, 10, 20, 3, 0, 0, TimeSpan.Zero);

    private readonly ChatFixture _chat = new(kind: kind);

    public void Dispose()
    {
        _chat.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public void CarriedOverCommitment_IsPaidNextYearAgainstTheOldYear_AndTheNewYearIsUntouched()
    {
        Assert.StartsWith("บันทึกก่อหนี้ผูกพันแล้ว", Say("local:admin", "ผูกพัน 8 30,000 12/2566", September), StringComparison.Ordinal);
        Assert.StartsWith("กันเงินเหลื่อมปีแล้ว", Say("local:admin", "กันเงินเหลื่อมปี 8 30,000 12/2566", September), StringComparison.Ordinal);
        var old = Figures(8, 2566);
        ImportNextYear();
        var fresh = Figures(8, 2567);

        Assert.Equal(2567, int.Parse(Say("local:admin", "ยอด", October).Split("ปีงบประมาณ ")[1][..4], System.Globalization.CultureInfo.InvariantCulture));
        var paid = Say("local:admin", "จ่าย 8/2566 10,000 งวดสุดท้าย อ้างอิง 12/2566", October);

        Assert.StartsWith("บันทึกเบิกจ่ายเงินกันเหลื่อมปีแล้ว", paid, StringComparison.Ordinal);
        Assert.Contains("คงเหลือ 20,000 บาท", paid, StringComparison.Ordinal);
        Assert.Equal(old.Actual, Figures(8, 2566).Actual);
        Assert.Equal(fresh.Actual, Figures(8, 2567).Actual);
        Assert.Contains("กันเงินเหลื่อมปี 30,000 บาท เบิกแล้ว 10,000 คงเหลือ 20,000 บาท", Say("local:admin", "ยอด 8/2566", October), StringComparison.Ordinal);
        Assert.Contains("ไม่พอเบิก", Say("local:admin", "จ่าย 8/2566 20,000.01 อ้างอิง 12/2566", October), StringComparison.Ordinal);
        Assert.Contains("นอกปีงบประมาณ 2566", Say("local:admin", "จ่าย 8/2566 100 ค่าวัสดุ", October), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void NextYear_OwnersKeepTheirProjects_AndTheOldYearIsStillReachable()
    {
        ImportNextYear();

        Assert.StartsWith("บันทึกแล้ว โครงการ 7", Say("local:owner", "จ่าย 7 100 ค่าวัสดุ", October), StringComparison.Ordinal);
        Assert.Equal(100m, Figures(7, 2567).Used);
        var report = _chat.Say("local:admin", "รายงาน ทั้งปี 2566", at: October)[0];
        Assert.True(report.Text.Contains("ปี 2566 รอบ 12 เดือน", StringComparison.Ordinal), report.Text);
        Assert.Equal(2566, Assert.Single(report.Attachments).FiscalYear);
        Assert.Contains("ไม่มีข้อมูลปีงบประมาณ 2560", Say("local:admin", "รายงาน ทั้งปี 2560", October), StringComparison.Ordinal);
        Assert.Contains("โครงการ 7", Say("local:owner", "ยอด 7/2566", October), StringComparison.Ordinal);
    }

    private void ImportNextYear() => Assert.Equal(ImportWrite.Written, _chat.Store.Import(Seed.NextYear()));

    private Figures Figures(int number, int year)
    {
        var p = _chat.Store.Project(Project.KeyFor(_chat.OfficeId, year, number))!;
        return Domain.Budget.Figures.Of(p, _chat.Store.Balance(p.Id));
    }

    private string Say(string who, string text, DateTimeOffset at) => _chat.Say(who, text, at: at)[0].Text;
}

public sealed class YearEndTestsOnLiteDb() : YearEndContract(StoreKind.LiteDb);

public sealed class YearEndTestsOnPostgres() : YearEndContract(StoreKind.Postgres);

public sealed class YearEndTestsOnMemory() : YearEndContract(StoreKind.Memory);
