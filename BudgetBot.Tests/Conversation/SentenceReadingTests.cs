using BudgetBot.Domain.Conversation.Parsing;

namespace BudgetBot.Tests.Conversation;

/// <summary>Sentences as a planning officer types them on 10 May 2566: the date wherever it is written, the project first or last.</summary>
public sealed class SentenceReadingTests
{
    private static readonly DateOnly May10 = new(2023, 5, 10);

    [Theory]
    [InlineData("เมื่อวานจ่ายค่าเบี้ยเลี้ยงกรรมการ 1,500 บาท โครงการ 17", "17", 1_500, "2023-05-09", "ค่าเบี้ยเลี้ยงกรรมการ")]
    [InlineData("จ่ายค่าวิทยากร 3,600 บาท โครงการที่ 17 เมื่อวันที่ 3 พฤษภาคม 2566", "17", 3_600, "2023-05-03", "ค่าวิทยากร")]
    [InlineData("โครงการ 17 จ่ายค่าที่พัก 4,500 บาท 8/5/2566", "17", 4_500, "2023-05-08", "ค่าที่พัก")]
    [InlineData("ค่าวัสดุ 1,200.- โครงการ 7 วันนี้", "7", 1_200, "2023-05-10", "ค่าวัสดุ")]
    [InlineData("จ่ายค่าอาหารว่าง 2,400 บาท โครงการ 17 วันที่ 15 ก.พ. 66", "17", 2_400, "2023-02-15", "ค่าอาหารว่าง")]
    public void Sentence_IsRead(string text, string project, double amount, string date, string note)
    {
        var args = SpendSentence.Read(text, May10)!;

        Assert.Equal((project, (decimal)amount, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), note), (args.Project, args.Amount, args.Date, args.Note));
    }

    [Fact]
    public void ThaiOfficeAmount_WithADotDash_IsRead() =>
        Assert.Equal(1_200m, SpendArgsParser.Parse("17 1,200.- ค่าวัสดุ", May10).Args!.Amount);

    [Fact]
    public void Sentence_WithoutAProject_SaysWhatIsMissing_AndRecordsNothing()
    {
        using var chat = new ChatFixture();
        var totals = chat.Store.LedgerTotals();

        Assert.StartsWith("ยังไม่ได้บันทึก: ไม่พบเลขโครงการ", chat.Say("local:owner", "จ่ายค่าอาหาร 2,400 บาท")[0].Text, StringComparison.Ordinal);

        Assert.Equal(totals, chat.Store.LedgerTotals());
    }

    [Fact]
    public void ProjectFirst_IsConfirmedAndRecorded_OnTheDateWritten()
    {
        using var chat = new ChatFixture();
        var ask = chat.Say("local:owner", "โครงการ 17 จ่ายค่าที่พัก 4,500 บาท 15/2/2566")[0];

        Assert.Contains("15 ก.พ. 2566", ask.Text, StringComparison.Ordinal);
        Assert.StartsWith("บันทึกแล้ว โครงการ 17", chat.Tap("local:owner", ask.AllButtons.First())[0].Text, StringComparison.Ordinal);
    }
}

/// <summary>Plans never promise more than the allocation.</summary>
public sealed class PlanAboveAllocationTests
{
    [Fact]
    public void Plan_AboveTheAllocation_IsRefusedWithTheFigures_AndABelowOneIsSaved()
    {
        using var chat = new ChatFixture();
        var before = chat.Figures(7);
        var room = before.Allocation - before.Plan.Total + before.Plan.Q4;

        var refused = chat.Say("local:admin", $"/plan 7 q4 {room + 6_600}")[0].Text;

        Assert.StartsWith("ไม่ได้บันทึก: แผนทั้งปีจะเป็น", refused, StringComparison.Ordinal);
        Assert.Contains($"ตั้งแผนไตรมาส 4 ได้ไม่เกิน {BudgetBot.Domain.Conversation.Say.Baht(room)} บาท", refused, StringComparison.Ordinal);
        Assert.Equal(before.Plan, chat.Figures(7).Plan);
        Assert.Contains("ตั้งแผนไตรมาส 4", chat.Say("local:admin", $"/plan 7 q4 {room}")[0].Text, StringComparison.Ordinal);
        Assert.Equal(before.Allocation, chat.Figures(7).Plan.Total);
    }
}

/// <summary><c>/undo</c> says what it would cancel and asks first.</summary>
public sealed class UndoAsksFirstTests
{
    [Fact]
    public void Undo_ShowsTheEntry_AndCancelsOnlyOnConfirm()
    {
        using var chat = new ChatFixture();
        chat.Say("local:owner", "จ่าย 7 1,000 15 ก.พ. 66 ค่าวัสดุ");
        chat.Say("local:owner", "จ่าย 7 1,200.x ค่าวัสดุ");
        var used = chat.Figures(7).Used;

        var asked = chat.Say("local:owner", "ยกเลิก")[0];

        Assert.StartsWith("ยกเลิกรายการนี้ใช่หรือไม่? โครงการ 7", asked.Text, StringComparison.Ordinal);
        Assert.Contains("1,000 บาท ลงวันที่ 15 ก.พ. 2566 \"ค่าวัสดุ\"", asked.Text, StringComparison.Ordinal);
        Assert.Equal(used, chat.Figures(7).Used);
        Assert.Equal(["ยืนยันยกเลิก", "ไม่ยกเลิก"], asked.AllButtons.Select(b => b.Label));
        Assert.StartsWith("ไม่ได้ยกเลิก", chat.Tap("local:owner", asked.AllButtons.Last())[0].Text, StringComparison.Ordinal);
        Assert.Contains("ใช้ไปแล้ว", chat.Tap("local:owner", asked.AllButtons.First())[0].Text, StringComparison.Ordinal);
        Assert.Equal(used, chat.Figures(7).Used);

        Assert.StartsWith("ยกเลิกแล้ว 1,000 บาท", chat.Undo("local:owner")[0].Text, StringComparison.Ordinal);
        Assert.Equal(used - 1_000m, chat.Figures(7).Used);
    }

    [Fact]
    public void Undo_NeverReachesAnEntryOlderThanADay()
    {
        using var chat = new ChatFixture();
        chat.Say("local:owner", "จ่าย 7 1,000 15 ก.พ. 66 ค่าวัสดุ");

        var reply = chat.Say("local:owner", "ยกเลิก", at: ChatFixture.Now.AddHours(25))[0];

        Assert.Contains("ไม่มีรายการล่าสุดให้ยกเลิก", reply.Text, StringComparison.Ordinal);
        Assert.Empty(reply.AllButtons);
    }
}

/// <summary>The office's own words for roles and statuses, and invites that say what they are for.</summary>
public sealed class OfficeWordsTests
{
    [Theory]
    [InlineData("สถานะ 7 เสร็จสิ้น", "จบโครงการ")]
    [InlineData("สถานะ 7 กำลังดำเนินการ", "อยู่ระหว่างดำเนินการ")]
    [InlineData("สถานะ 7 เลื่อนการดำเนินการ", "เลื่อน")]
    public void ReportStatusWords_AreUnderstood(string text, string shown)
    {
        using var chat = new ChatFixture();
        Assert.Contains($"สถานะ {shown}", chat.Say("local:admin", text)[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("เชิญ ผู้อำนวยการกลุ่ม กลุ่มนิเทศ", "หัวหน้ากลุ่ม กลุ่มนิเทศ")]
    [InlineData("เชิญ ผู้ตรวจสอบภายใน", "ผู้ตรวจสอบ)")]
    [InlineData("เชิญ ผู้รับผิดชอบ 7", "ผู้รับผิดชอบโครงการ โครงการ 7")]
    public void Invite_AcceptsTheOfficesTitles_AndNamesItsProjectOrDivision(string text, string named)
    {
        using var chat = new ChatFixture();
        var reply = chat.Say("local:admin", text)[0].Text;
        Assert.StartsWith("รหัสเชิญ (", reply, StringComparison.Ordinal);
        Assert.Contains(named, reply, StringComparison.Ordinal);
    }
}

/// <summary>One answer, one set of figures: the report's text says what its file says, as of the same date.</summary>
public sealed class ReportAnswerTests
{
    [Fact]
    public void HalfYearReport_InMay_SaysTheFilesFigures_AsOfTheEndOfMarch()
    {
        using var chat = new ChatFixture();
        var may10 = new DateTimeOffset(2023, 5, 10, 3, 0, 0, TimeSpan.Zero);
        chat.Say("local:owner", "จ่าย 7 1,000 5 พ.ค. 66 ค่าวัสดุ", at: may10);
        var h1 = chat.Store.Projects(chat.OfficeId, 2566).Sum(p => BudgetBot.Domain.Budget.Figures.Of(p, chat.Store.Balance(p.Id)).Through(2).Used);

        var reply = chat.Say("local:admin", "รายงาน 6 เดือน", at: may10)[0];

        Assert.Contains($"เบิกจ่ายแล้ว {BudgetBot.Domain.Conversation.Say.Baht(h1)} บาท จาก", reply.Text, StringComparison.Ordinal);
        Assert.Contains("ข้อมูล ณ 31 มี.ค. 2566", reply.Text, StringComparison.Ordinal);
        var layout = new BudgetBot.Host.Reports.ReportExporter(chat.Store).Layout(chat.OfficeId, 2566, BudgetBot.Domain.Reconciliation.ReportRound.Parse("h1")!, new DateOnly(2023, 5, 10));
        var total = layout.Single(r => r.Kind == BudgetBot.Domain.Reconciliation.LayoutRowKind.Total);
        Assert.Equal(h1, total.Cells[^2].Amount);
    }
}

/// <summary>In the middle of a quarter, behind plan is measured to the last whole quarter; the running quarter's need is said apart.</summary>
public sealed class LaggingMidQuarterTests
{
    [Fact]
    public void Lagging_OnTenthOfMay_IsToTheEndOfMarch_AndSaysWhatTheThirdQuarterStillNeeds()
    {
        using var chat = new ChatFixture();
        var may10 = new DateTimeOffset(2023, 5, 10, 3, 0, 0, TimeSpan.Zero);

        var reply = chat.Say("local:admin", "ล่าช้า", at: may10)[0].Text;

        Assert.StartsWith("ต่ำกว่าแผนถึงไตรมาส 2/2566", reply, StringComparison.Ordinal);
        Assert.Contains("ไตรมาส 3 (ถึง 30 มิ.ย. 2566) ยังต้องเบิกจ่ายอีก", reply, StringComparison.Ordinal);
        Assert.Equal(chat.Say("local:admin", "ล่าช้า ไตรมาส 2", at: may10)[0].Text.Split('\n')[0], reply.Split('\n')[0]);
    }
}

/// <summary>The audit trail comes with a reading copy: Thai headers and Buddhist-era dates.</summary>
public sealed class LedgerReadingCopyTests
{
    [Fact]
    public void Audit_SendsTheMachineFile_AndTheOfficesReadingCopy()
    {
        using var chat = new ChatFixture();
        chat.Say("local:owner", "จ่าย 7 1,250.50 15 ก.พ. 66 ค่าวัสดุ");

        var reply = chat.Say("local:admin", "ตรวจสอบ 7")[0];

        Assert.Equal([false, true], reply.Attachments.Select(a => a.ReadingCopy));
        var csv = new BudgetBot.Host.Reports.LedgerCsv(chat.Store, chat.Store, Microsoft.Extensions.Options.Options.Create(new BudgetBot.Host.Options.BudgetBotOptions()));
        var text = System.Text.Encoding.UTF8.GetString(csv.Write(chat.OfficeId, 2566, Domain.Budget.Project.KeyFor(chat.OfficeId, 2566, 7), toRead: true));
        Assert.StartsWith("\uFEFFเลขที่รายการ,บันทึกเมื่อ,วันที่,โครงการที่", text, StringComparison.Ordinal);
        Assert.Contains(",15 ก.พ. 2566,7,", text, StringComparison.Ordinal);
        Assert.Contains("\"1,250.50\"", text, StringComparison.Ordinal);
    }
}

/// <summary>The brief's form of <c>/reverse</c>: the entry number alone.</summary>
public sealed class ReverseWithoutReasonTests
{
    [Fact]
    public void Reverse_ByNumberAlone_Works()
    {
        using var chat = new ChatFixture();
        chat.Say("local:owner", "จ่าย 7 1,000 15 ก.พ. 66 ค่าวัสดุ");
        var entry = chat.Store.History(BudgetBot.Domain.Budget.Project.KeyFor(chat.OfficeId, 2566, 7), 1)[0];

        Assert.StartsWith($"กลับรายการ #{entry.Id} แล้ว", chat.Say("local:admin", $"/reverse {entry.Id}")[0].Text, StringComparison.Ordinal);
        Assert.Equal($"กลับรายการ #{entry.Id}", chat.Store.History(entry.ProjectId, 1)[0].Note);
    }
}
