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
