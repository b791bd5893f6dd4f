using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Conversation;

namespace BudgetBot.Tests.Conversation;

/// <summary>Input that once stopped the service or was read as something else: huge amounts, hidden characters.</summary>
public sealed class InputSafetyTests : IDisposable
{
    private readonly ChatFixture _chat = new();

    public void Dispose() => _chat.Dispose();

    [Theory]
    [InlineData("1000000000000000000000000000000")]
    [InlineData("99999999999999999999999999999999999999999999")]
    [InlineData("10,000,000,000.01")]
    [InlineData("20000 ล้าน")]
    [InlineData("79228162514264337593543950335")]
    public void Parse_AboveTheMaximum_IsRefusedAsTooLarge(string text) =>
        Assert.Equal(AmountError.TooLarge, ThaiAmount.Parse(text).Error);

    [Fact]
    public void Parse_TheMaximumItself_IsAccepted() =>
        Assert.Equal(10_000_000_000m, ThaiAmount.Parse("10,000 ล้าน").Value);

    [Fact]
    public void Sentence_WithAnOverflowingAmount_FromAStranger_IsAnsweredAndChangesNothing()
    {
        var before = _chat.OfficeUsed;
        var reply = Assert.Single(_chat.Say("telegram:999", "1000000000000000000000000000000 บาท โครงการ 7"));
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
        Assert.Equal(before, _chat.OfficeUsed);
    }

    [Fact]
    public void Sentence_WithAnOverflowingAmount_FromTheOwner_SaysTheMaximum()
    {
        var before = _chat.OfficeUsed;
        var reply = Assert.Single(_chat.Say("local:owner", "จ่าย 1000000000000000000000000000000 บาท โครงการ 7"));
        Assert.Contains("10,000,000,000", reply.Text, StringComparison.Ordinal);
        Assert.Contains("ไม่ได้บันทึก", reply.Text, StringComparison.Ordinal);
        Assert.Equal(before, _chat.OfficeUsed);
    }

    [Fact]
    public void Spend_AboveTheMaximum_IsRefusedWithTheReason()
    {
        var reply = Assert.Single(_chat.Say("local:owner", "/spend 7 20,000,000,000"));
        Assert.Contains("10,000,000,000", reply.Text, StringComparison.Ordinal);
        Assert.Equal(11_760m, _chat.Figures(7).Used);
    }

    [Theory]
    [InlineData("/spend 7 2\u2009400")]
    [InlineData("/spend 7 2\u200B400")]
    [InlineData("/spend 7 2\u202F400")]
    [InlineData("/spend 7 ๒\u00A0๔๐๐")]
    [InlineData("จ่าย 2\u200C400 บาท โครงการ 7")]
    public void Spend_WithAHiddenSpaceInsideTheNumber_IsRefusedNotReadAsTwoNumbers(string text)
    {
        var reply = Assert.Single(_chat.Say("local:owner", text));
        Assert.Contains("ช่องว่างที่มองไม่เห็น", reply.Text, StringComparison.Ordinal);
        Assert.Equal(11_760m, _chat.Figures(7).Used);
    }

    [Fact]
    public void ProgressNote_WithControlBidiAndZeroWidthCharacters_IsStoredWithoutThem()
    {
        _chat.Say("local:owner", "/progress 17 meeting\u0001 held\u202E\u200B today\u0007");
        var project = _chat.Store.Project(Domain.Budget.Project.KeyFor(_chat.OfficeId, 2566, 17))!;
        Assert.Equal("meeting held today", project.Notes[^1].Text);
    }

    [Fact]
    public void Report_WithAControlCharacterStoredInANote_IsStillWritten()
    {
        // A note stored before input was cleaned: the spreadsheet writer must not throw on it.
        var key = Domain.Budget.Project.KeyFor(_chat.OfficeId, 2566, 7);
        var project = _chat.Store.Project(key)!;
        _chat.Store.SaveProject(project with { Notes = [.. project.Notes, new Domain.Budget.ProgressNote(new DateOnly(2023, 2, 1), "meeting\u0001held\u0000", "demo-owner")] });

        var bytes = new global::BudgetBot.Host.Reports.ReportExporter(_chat.Store).Xlsx(_chat.OfficeId, 2566, Domain.Reconciliation.ReportRound.Parse("h1")!, new DateOnly(2023, 3, 31));

        Assert.True(bytes.Length > 1000);
    }

    [Fact]
    public void Spend_WithAZeroWidthMarkInTheCommand_StillReadsTheCommand()
    {
        _chat.Say("local:owner", "/spe\u200Bnd 7 500 snacks");
        Assert.Equal(12_260m, _chat.Figures(7).Used);
    }

    [Fact]
    public void Message_LongerThanAnyPlatformAllows_IsRefusedPolitely()
    {
        var reply = Assert.Single(_chat.Say("local:owner", "/progress 17 " + new string('ก', 6000)));
        Assert.Contains("5,000", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\u0000b\u001Fc\u007Fd", "abcd")]
    [InlineData("\u200Eโครงการ\u200F 7\uFEFF", "โครงการ 7")]
    [InlineData("line1\r\nline2\tx", "line1\nline2 x")]
    [InlineData("\u2066x\u2069\u061C", "x")]
    public void Clean_RemovesHiddenCharacters(string text, string expected) =>
        Assert.Equal(expected, InputText.Clean(text));
}
