using System.Text.RegularExpressions;
using BudgetBot.Domain.Reconciliation;

namespace BudgetBot.Tests.Conversation;

/// <summary>Thai all the way: Thai words for every argument, no internal name in a Thai reply, English plurals right.</summary>
public sealed partial class ThaiWordsTests : IDisposable
{
    private readonly ChatFixture _chat = new();

    public void Dispose() => _chat.Dispose();

    [Theory]
    [InlineData(56.25, "56.3%", "56.3")]
    [InlineData(1773.66, "1,773.7%", "1,773.7")]
    [InlineData(0, "0.0%", "0.0")]
    public void Percentages_HaveOneDecimal_AndSeparatorsAsAmountsDo(double percent, string shown, string rate) =>
        Assert.Equal((shown, rate), (BudgetBot.Domain.Conversation.Say.Percent((decimal)percent), BudgetBot.Domain.Conversation.Say.Rate((decimal)percent)));

    [Fact]
    public void AFarOverspentProject_SaysItsRateWithSeparators()
    {
        // Project 35 has 10,200 and has spent it all: another 170,000 would make 1,766.7 percent of it.
        var reply = _chat.Say("local:admin", "จ่าย 35 170,000 15 ก.พ. 66 ค่าวัสดุ")[0].Text;
        Assert.Contains("(ร้อยละ 1,766.7 ของ 10,200 บาท)", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("รายงาน 6 เดือน", "รอบ 6 เดือน")]
    [InlineData("รายงาน ครึ่งปี", "รอบ 6 เดือน")]
    [InlineData("รายงาน ไตรมาส 2", "รอบ 6 เดือน")]
    [InlineData("รายงาน ไตรมาส ๑", "รอบ 3 เดือน")]
    [InlineData("รายงาน ทั้งปี", "รอบ 12 เดือน")]
    public void Report_TakesThaiRounds(string text, string expected) =>
        Assert.Contains(expected, _chat.Say("local:executive", text)[0].Text, StringComparison.Ordinal);

    [Theory]
    [InlineData("ติดตาม ทุกสัปดาห์", "ทุกสัปดาห์")]
    [InlineData("ติดตาม รายไตรมาส", "ก่อนสิ้นไตรมาส")]
    [InlineData("ติดตาม ยกเลิก", "หยุดส่งสรุป")]
    public void Subscribe_TakesThaiWords(string text, string expected) =>
        Assert.Contains(expected, _chat.Say("local:admin", text, Domain.Conversation.ChatKind.Group)[0].Text, StringComparison.Ordinal);

    [Theory]
    [InlineData("เชิญ ผู้รับผิดชอบ 7", "ผู้รับผิดชอบโครงการ")]
    [InlineData("เชิญ หัวหน้ากลุ่ม กลุ่มนิเทศ", "หัวหน้ากลุ่ม")]
    [InlineData("เชิญ ผู้บริหาร", "ผู้บริหาร")]
    [InlineData("เชิญ ผู้ตรวจสอบ", "ผู้ตรวจสอบ")]
    [InlineData("เชิญ ผู้ดูแลระบบ", "ผู้ดูแลระบบ")]
    public void Invite_TakesThaiRoles_AndNamesThemInThai(string text, string role)
    {
        var reply = _chat.Say("local:admin", text)[0].Text;
        Assert.Contains($"รหัสเชิญ ({role}", reply, StringComparison.Ordinal);
        Assert.DoesNotMatch(EnumName(), reply);
    }

    [Theory]
    [InlineData("local:owner")]
    [InlineData("local:head")]
    [InlineData("local:admin")]
    public void WhoAmI_NamesTheRoleInThai(string who)
    {
        var reply = _chat.Say(who, "/whoami")[0].Text;
        Assert.DoesNotMatch(EnumName(), reply);
    }

    [Fact]
    public void EnglishCounts_AreSingularForOne()
    {
        _chat.Say("local:owner", "/lang en");
        var reply = _chat.Say("local:owner", "/lagging q1")[0].Text;
        Assert.DoesNotContain("1 projects", reply, StringComparison.Ordinal);
        Assert.Equal("1 project", Domain.Conversation.Say.Count(1, "project"));
        Assert.Equal("2 projects", Domain.Conversation.Say.Count(2, "project"));
    }

    [Fact]
    public void ImportReport_InThai_NamesChecksInThai()
    {
        var output = new StringWriter();
        Assert.Equal(4, BudgetBot.Host.Cli.CliVerbs.Run(["import", Seed.Path, "--data-dir", Seed.TempDir()], output, TextWriter.Null));
        var text = output.ToString();
        Assert.DoesNotMatch(CheckCode(), text);
        Assert.Contains(CheckNames.InThai("result-total"), text, StringComparison.Ordinal);

        // For a planning officer: findings under project numbers, each repair once, money in baht, years as years.
        Assert.Contains("โครงการที่ 12:", text, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(text, "เสนอแก้ไข: ไตรมาส 4 แผน \\(ว่าง\\)"));
        Assert.Contains("ควรเป็น 21,440.00 บาท", text, StringComparison.Ordinal);
        Assert.Contains("ควรเป็น 2566 พบ 2565", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2,566.00", text, StringComparison.Ordinal);
        Assert.DoesNotContain("11.00 บาท", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("local:owner", "กราฟ", true)]
    [InlineData("local:owner", "รายงาน", false)]
    [InlineData("local:owner", "จ่าย", true)]
    [InlineData("local:executive", "จ่าย", false)]
    [InlineData("local:executive", "ผู้บริหารดูข้อมูลได้อย่างเดียว", true)]
    [InlineData("local:auditor", "ผู้ตรวจสอบดูข้อมูลได้อย่างเดียว", true)]
    [InlineData("local:head", "ติดตาม", true)]
    [InlineData("local:owner", "ติดตาม ทุกสัปดาห์", false)]
    [InlineData("local:admin", "แผน", true)]
    [InlineData("local:head", "แผน 7", false)]
    public void Help_ListsWhatTheRoleMayDo(string who, string word, bool listed)
    {
        var help = _chat.Say(who, "/help")[0].Text;
        Assert.Equal(listed, help.Contains(word, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("local:executive", "/spend 7 100", "ผู้บริหารดูข้อมูลได้อย่างเดียว")]
    [InlineData("local:auditor", "/progress 7 done", "ผู้ตรวจสอบดูข้อมูลได้อย่างเดียว")]
    [InlineData("local:executive", "/status 7 done", "ผู้บริหารดูข้อมูลได้อย่างเดียว")]
    [InlineData("local:owner", "/spend 8 100", "ไม่ใช่โครงการที่ท่านรับผิดชอบ")]
    public void Refusal_NamesTheRolesLimit(string who, string text, string expected) =>
        Assert.Contains(expected, _chat.Say(who, text)[0].Text, StringComparison.Ordinal);

    [Fact]
    public void EndedYear_IsAnsweredAsOfItsReportsDate_NotTheWallClock()
    {
        var today = new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero); // FY2570
        var balance = _chat.Say("local:admin", "/balance", at: today)[0].Text;
        Assert.Contains("ไตรมาส 2/2566", balance, StringComparison.Ordinal);
        Assert.Contains("ข้อมูล ณ 31 มี.ค. 2566", balance, StringComparison.Ordinal);
        Assert.DoesNotContain("ไตรมาส 4/2566", balance, StringComparison.Ordinal);

        var lagging = _chat.Say("local:admin", "/lagging", at: today)[0].Text;
        Assert.Contains("ต่ำกว่าแผนถึงไตรมาส 2/2566", lagging, StringComparison.Ordinal);
        Assert.Contains("ข้อมูล ณ 31 มี.ค. 2566", lagging, StringComparison.Ordinal);

        // Inside the year, answers are today's and say nothing more.
        Assert.DoesNotContain("ข้อมูล ณ", _chat.Say("local:admin", "/balance")[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ProgressNote_AddsToTheImportedNarrative_NeverReplacesIt()
    {
        var key = Domain.Budget.Project.KeyFor(_chat.OfficeId, 2566, 7);
        var seedNarrative = _chat.Store.Project(key)!.Notes.Single().Text;
        Assert.False(string.IsNullOrWhiteSpace(seedNarrative));

        _chat.Say("local:owner", "/progress 7 third meeting held");

        var narrative = ReportLayout.Narrative(_chat.Store.Project(key)!);
        Assert.StartsWith(seedNarrative, narrative, StringComparison.Ordinal);
        Assert.EndsWith("20 ก.พ. 2566: third meeting held", narrative, StringComparison.Ordinal);
        var layout = new BudgetBot.Host.Reports.ReportExporter(_chat.Store).Layout(_chat.OfficeId, 2566, ReportRound.Parse("h1")!, new DateOnly(2023, 3, 31));
        Assert.Contains(layout, r => r.Cells.Any(c => c.Text == narrative));
    }

    [Fact]
    public void Report_And_Export_UseTheSameDefaultRound()
    {
        var today = new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);
        Assert.Contains("รอบ 6 เดือน", _chat.Say("local:executive", "รายงาน", at: today)[0].Text, StringComparison.Ordinal);

        var dir = Seed.WithOffice(Seed.TempDir());
        var output = new StringWriter();
        Assert.Equal(0, BudgetBot.Host.Cli.CliVerbs.Run(["export", Path.Combine(dir, "r.xlsx"), "--data-dir", dir], output, output));
        Assert.Contains("รอบ 6 เดือน", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("ข้อมูล ณ 31 มีนาคม 2566", output.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b(Admin|Executive|DivisionHead|Owner|Auditor)\b")]
    private static partial Regex EnumName();

    [GeneratedRegex(@"\b(result-total|plan-total|column-total|project-envelope|missing-cell|extra-cell|amount-words)\b")]
    private static partial Regex CheckCode();
}
