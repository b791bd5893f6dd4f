using BudgetBot.Domain.Budget;

namespace BudgetBot.Tests.Conversation;

/// <summary>The same spend sent again soon after (no answer came, so the owner sent it again) is asked about, not recorded twice.</summary>
public sealed class RepeatedSpendTests : IDisposable
{
    private readonly ChatFixture _chat = new();

    public void Dispose() => _chat.Dispose();

    private long Entries => _chat.Store.LedgerTotals().Entries;

    [Fact]
    public void SameSpendWithinHalfAnHour_IsAskedAbout_KeepOrRecordAgain()
    {
        Assert.StartsWith("บันทึกแล้ว", Say("/spend 7 12.34 15/2/2566 x", 0), StringComparison.Ordinal);
        var before = Entries;

        var asked = _chat.Say("local:owner", "/spend 7 12.34 15/2/2566 x", at: ChatFixture.Now.AddMinutes(5))[0];
        Assert.StartsWith("บันทึกซ้ำหรือไม่? ท่านบันทึก 12.34 บาท โครงการ 7", asked.Text, StringComparison.Ordinal);
        Assert.Contains("ไปแล้วเมื่อ 10:00 น.", asked.Text, StringComparison.Ordinal);
        Assert.Equal(before, Entries);
        var buttons = asked.AllButtons.ToList();
        Assert.Equal(["บันทึกซ้ำ", "ไม่บันทึก"], buttons.Select(b => b.Label));

        Assert.StartsWith("ไม่ได้บันทึกซ้ำ", _chat.Tap("local:owner", buttons[1])[0].Text, StringComparison.Ordinal);
        Assert.Equal(before, Entries);

        var again = _chat.Say("local:owner", "จ่าย 7 12.34 15 ก.พ. 66 x", at: ChatFixture.Now.AddMinutes(10))[0];
        Assert.StartsWith("บันทึกซ้ำหรือไม่?", again.Text, StringComparison.Ordinal);
        Assert.StartsWith("บันทึกแล้ว", _chat.Tap("local:owner", again.AllButtons.First())[0].Text, StringComparison.Ordinal);
        Assert.Equal(before + 1, Entries);
    }

    [Fact]
    public void ADifferentNote_AnUndoneEntry_OrHalfAnHourLater_IsRecordedAtOnce()
    {
        Say("/spend 7 50 15/2/2566 ค่าวัสดุ", 0);
        Assert.StartsWith("บันทึกแล้ว", Say("/spend 7 50 15/2/2566 ค่าถ่ายเอกสาร", 1), StringComparison.Ordinal);
        Assert.StartsWith("บันทึกแล้ว", Say("/spend 7 50 15/2/2566 ค่าวัสดุ", 31), StringComparison.Ordinal);

        Say("/spend 17 70 15/2/2566 y", 40);
        _chat.Undo("local:owner", at: ChatFixture.Now.AddMinutes(41));
        Assert.StartsWith("บันทึกแล้ว", Say("/spend 17 70 15/2/2566 y", 42), StringComparison.Ordinal);
    }

    [Fact]
    public void AResentSentence_IsAskedAboutTheRepeat_NotJustConfirmed()
    {
        var first = _chat.Say("local:owner", "จ่ายค่าอาหารว่าง 2,400 บาท โครงการ 17 วันที่ 15 ก.พ. 66")[0];
        _chat.Tap("local:owner", first.AllButtons.First());

        var resent = _chat.Say("local:owner", "จ่ายค่าอาหารว่าง 2,400 บาท โครงการ 17 วันที่ 15 ก.พ. 66", at: ChatFixture.Now.AddMinutes(3))[0];

        Assert.StartsWith("บันทึกซ้ำหรือไม่?", resent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void FromTheSamePersonOnAnotherPlatform_IsAskedAbout()
    {
        var code = System.Text.RegularExpressions.Regex.Match(_chat.Say("local:owner", "/invite me")[0].Text, "/join ([A-Z0-9]{8})").Groups[1].Value;
        _chat.Say("telegram:4242", "/join " + code);
        Say("/spend 7 99 15/2/2566 z", 0);

        Assert.StartsWith("บันทึกซ้ำหรือไม่?", _chat.Say("telegram:4242", "/spend 7 99 15/2/2566 z", at: ChatFixture.Now.AddMinutes(2))[0].Text, StringComparison.Ordinal);
    }

    private string Say(string text, int minutes) => _chat.Say("local:owner", text, at: ChatFixture.Now.AddMinutes(minutes))[0].Text;
}
