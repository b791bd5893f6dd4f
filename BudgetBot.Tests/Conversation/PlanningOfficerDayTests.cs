using System.Text.RegularExpressions;
using BudgetBot.Domain.Conversation;
using BudgetBot.Tests.Storage;

namespace BudgetBot.Tests.Conversation;

/// <summary>A planning officer's day on the demo office, typed in Thai only, answered in Thai only.</summary>
public abstract partial class PlanningOfficerDayContract(StoreKind kind) : IDisposable
{
    private readonly ChatFixture _chat = new(kind: kind);

    public void Dispose()
    {
        _chat.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public void ADayInThai()
    {
        Assert.Contains("แผน", Say("local:admin", "ช่วยเหลือ"), StringComparison.Ordinal);
        Assert.Contains("ปีงบประมาณ 2566", Say("local:admin", "ยอด"), StringComparison.Ordinal);

        var lagging = Say("local:admin", "ล่าช้า ไตรมาส 2");
        Assert.Contains("39. ", lagging, StringComparison.Ordinal);
        var gapBefore = Gap(lagging, 39);

        Assert.Contains("กลุ่มนิเทศ", Say("local:admin", "ยอด กลุ่มนิเทศ"), StringComparison.Ordinal);
        Assert.Contains("โครงการ 7", Say("local:admin", "แผน 7 ไตรมาส 3 20,000"), StringComparison.Ordinal);

        var invite = Say("local:admin", "เชิญ ผู้รับผิดชอบ 39");
        var code = CodeIn().Match(invite).Groups[1].Value;
        Assert.Contains("ยินดีต้อนรับ", Say("telegram:5555", "เข้าร่วม " + code), StringComparison.Ordinal);
        Assert.StartsWith("บันทึกแล้ว โครงการ 39", Say("telegram:5555", "จ่าย 39 5,000 15 มี.ค. 66 ค่าวัสดุ"), StringComparison.Ordinal);
        Assert.Equal(gapBefore - 5_000m, Gap(Say("local:admin", "ล่าช้า ไตรมาส 2"), 39));

        var report = _chat.Say("local:admin", "รายงาน 6 เดือน")[0];
        Assert.Equal(AttachmentKind.Spreadsheet, Assert.Single(report.Attachments).Kind);
        AssertThai(report.Text);
        Assert.Contains("ทุกสัปดาห์", Say("local:admin", "ติดตาม ทุกสัปดาห์", ChatKind.Group), StringComparison.Ordinal);
        Assert.Contains("5,000", Say("local:admin", "ประวัติ 39"), StringComparison.Ordinal);
        Assert.Contains("ไม่มีรายการล่าสุดให้ยกเลิก", Say("local:admin", "ยกเลิก"), StringComparison.Ordinal);
    }

    /// <summary>
    /// The second pass's day, 9-11 May 2566, message by message: the half-year report and lagging in the middle of Q3,
    /// a plan above the allocation, invites, sentences typed as an owner types them, a failed message then ยกเลิก, a
    /// balance, an owner's transfer request and the audit file. Every reply is asserted, and all of them are Thai.
    /// </summary>
    [SkippableFact]
    public void NineToElevenMay2566()
    {
        var may9 = Bangkok(2023, 5, 9);
        var report = _chat.Say("local:admin", "รายงาน 6 เดือน", at: may9)[0];
        AssertThai(report.Text);
        Assert.Contains("ข้อมูล ณ 31 มี.ค. 2566", report.Text, StringComparison.Ordinal);
        Assert.Contains("เบิกจ่ายแล้ว 862,370 บาท จากงบที่ได้รับจัดสรร", report.Text, StringComparison.Ordinal);
        Assert.Equal(AttachmentKind.Spreadsheet, Assert.Single(report.Attachments).Kind);

        var lagging = Say("local:admin", "ล่าช้า", may9);
        Assert.StartsWith("ต่ำกว่าแผนถึงไตรมาส 2/2566", lagging, StringComparison.Ordinal);
        Assert.Contains("ไตรมาส 3 (ถึง 30 มิ.ย. 2566) ยังต้องเบิกจ่ายอีก", lagging, StringComparison.Ordinal);

        var plan = _chat.Figures(7).Plan;
        Assert.StartsWith("ไม่ได้บันทึก: แผนทั้งปีจะเป็น 93,460 บาท", Say("local:admin", "/plan 7 q4 25,000", may9), StringComparison.Ordinal);
        Assert.Equal(plan, _chat.Figures(7).Plan);
        Assert.Contains("ผู้รับผิดชอบโครงการ โครงการ 17", Say("local:admin", "เชิญ ผู้รับผิดชอบ 17", may9), StringComparison.Ordinal);
        Assert.Contains("กลุ่มนิเทศ", Say("local:admin", "เชิญ ผู้อำนวยการกลุ่ม กลุ่มนิเทศ", may9), StringComparison.Ordinal);

        // 10 May: an owner types sentences; each lands on the date written and with the note alone.
        var may10 = Bangkok(2023, 5, 10);
        var project17 = Domain.Budget.Project.KeyFor(_chat.OfficeId, 2566, 17);
        var sentences = new (string Text, DateOnly Date, decimal Amount, string Note)[]
        {
            ("เมื่อวานจ่ายค่าเบี้ยเลี้ยงกรรมการ 1,500 บาท โครงการ 17", new(2023, 5, 9), 1_500, "ค่าเบี้ยเลี้ยงกรรมการ"),
            ("จ่ายค่าวิทยากร 3,600 บาท โครงการที่ 17 เมื่อวันที่ 3 พฤษภาคม 2566", new(2023, 5, 3), 3_600, "ค่าวิทยากร"),
            ("โครงการ 17 จ่ายค่าที่พัก 4,500 บาท 8/5/2566", new(2023, 5, 8), 4_500, "ค่าที่พัก"),
            ("จ่าย 17 1,200.- ค่าวัสดุ", new(2023, 5, 10), 1_200, "ค่าวัสดุ"),
        };
        foreach (var (text, date, amount, note) in sentences)
        {
            Assert.StartsWith("บันทึกแล้ว โครงการ 17", Record("local:owner", text, may10), StringComparison.Ordinal);
            var entry = _chat.Store.History(project17, 1)[0];
            Assert.Equal((date, amount, note), (entry.Date, entry.Amount, entry.Note));
        }

        var used = _chat.Figures(17).Used;
        Assert.StartsWith("ยังไม่ได้บันทึก: ไม่พบเลขโครงการ", Say("local:owner", "จ่ายค่าอาหาร 2,400 บาท", may10), StringComparison.Ordinal);
        Assert.DoesNotContain("บันทึกแล้ว", Say("local:owner", "จ่าย 7 1,200.x ค่าวัสดุ", may10), StringComparison.Ordinal);
        var undo = _chat.Say("local:owner", "ยกเลิก", at: may10)[0];
        Assert.StartsWith("ยกเลิกรายการนี้ใช่หรือไม่? โครงการ 17", undo.Text, StringComparison.Ordinal);
        Assert.Contains("1,200 บาท ลงวันที่ 10 พ.ค. 2566", undo.Text, StringComparison.Ordinal);
        Assert.Equal(2, undo.AllButtons.Count());
        AssertThai(_chat.Tap("local:owner", undo.AllButtons.Last(), may10)[0].Text);
        Assert.Equal(used, _chat.Figures(17).Used);

        var f = _chat.Figures(17);
        var balance = Say("local:owner", "ยอด 17", may10);
        Assert.Contains($"ไตรมาส 3/2566 แผน {Domain.Conversation.Say.Baht(f.Plan.Q3)} บาท ผล 10,800 บาท", balance, StringComparison.Ordinal);
        Assert.Contains($"เบิกจ่ายแล้ว {Domain.Conversation.Say.Baht(f.Used)} บาท จากงบที่ได้รับจัดสรร {Domain.Conversation.Say.Baht(f.Allocation)} บาท (ร้อยละ {Domain.Conversation.Say.Rate(f.PercentUsed)})", balance, StringComparison.Ordinal);

        // 11 May: the owner asks for money; the admins are named, never by id. The auditor's file has the office's name for it.
        var may11 = Bangkok(2023, 5, 11);
        var asked = Say("local:owner", "โอน 1,000 จาก 9 ไป 17", may11);
        Assert.StartsWith("ส่งคำขอโอน 1,000 บาท จากโครงการ 9 ไปโครงการ 17 ให้ผู้ดูแลระบบแล้ว: ผู้ดูแลระบบ (ทดลอง)", asked, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-", asked, StringComparison.Ordinal);
        var audit = _chat.Say("local:auditor", "ตรวจสอบ 17", at: may11)[0];
        Assert.StartsWith("ทะเบียนคุมการเบิกจ่าย โครงการ 17", audit.Text, StringComparison.Ordinal);
        Assert.Equal(2, audit.Attachments.Count);
        Assert.Matches(@"เบิกจ่ายแล้ว [0-9,.]+ บาท จากงบที่ได้รับจัดสรร [0-9,.]+ บาท \(ร้อยละ [0-9,]+\.[0-9]\)", Say("local:admin", "ยอด", may11));
    }

    private static DateTimeOffset Bangkok(int year, int month, int day) => new(year, month, day, 9, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Sends a spend and, when the bot asks to confirm how it read a sentence, taps the confirm button.</summary>
    private string Record(string who, string text, DateTimeOffset at)
    {
        var reply = _chat.Say(who, text, at: at)[0];
        AssertThai(reply.Text);
        return !reply.Text.StartsWith("บันทึกแล้ว", StringComparison.Ordinal) && reply.AllButtons.FirstOrDefault() is { } confirm ? _chat.Tap(who, confirm, at)[0].Text : reply.Text;
    }

    private string Say(string who, string text, DateTimeOffset at)
    {
        var reply = string.Join("\n", _chat.Say(who, text, at: at).Select(r => r.Text));
        AssertThai(reply);
        return reply;
    }

    private string Say(string who, string text, ChatKind kind = ChatKind.Private)
    {
        var reply = string.Join("\n", _chat.Say(who, text, kind).Select(r => r.Text));
        AssertThai(reply);
        return reply;
    }

    private static void AssertThai(string reply) => Assert.DoesNotMatch(EnglishWords(), reply);

    private static decimal Gap(string lagging, int project)
    {
        var line = lagging.Split('\n').Single(l => l.StartsWith($"{project}. ", StringComparison.Ordinal));
        return decimal.Parse(GapIn().Match(line).Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(?<!/)\b(?:the|you|your|project|projects|Type|not|and|Owner|Admin|Executive|Auditor|DivisionHead|Recorded|Used|remaining|q[1-4])\b")]
    private static partial Regex EnglishWords();

    [GeneratedRegex(@"/join ([A-Z0-9]{8})")]
    private static partial Regex CodeIn();

    [GeneratedRegex(@"ต่ำกว่าแผน ([0-9,]+)")]
    private static partial Regex GapIn();
}

public sealed class PlanningOfficerDayTestsOnLiteDb() : PlanningOfficerDayContract(StoreKind.LiteDb);

public sealed class PlanningOfficerDayTestsOnPostgres() : PlanningOfficerDayContract(StoreKind.Postgres);

public sealed class PlanningOfficerDayTestsOnMemory() : PlanningOfficerDayContract(StoreKind.Memory);
