namespace BudgetBot.Tests.Conversation;

/// <summary>The budget year's commands typed badly in English: each answered in English with what to type, nothing changed.</summary>
public sealed class BudgetYearEnglishTests
{
    [Theory]
    [InlineData("/round 500000", "Type the amount, the letter number and its date")]
    [InlineData("/round 500000 ศธ 04006/ว 1 2023-02-31", "is missing or is not a real date")]
    [InlineData("/addproject 50000 camp", "Type the division, the allocation and the project's name")]
    [InlineData("/transfer 1000 from nowhere to 7", "Type the amount, where it comes from and where it goes")]
    [InlineData("/transfer 1000 9 reserve", "Money can only be moved into a project")]
    [InlineData("/commit 7 50000", "Name the project, the amount and the contract or order number")]
    [InlineData("/commit cancel 7", "Type the project and the reference")]
    [InlineData("/refund 7", "Name the project and the amount returned")]
    [InlineData("/refund 7 -5", "That amount is not valid")]
    [InlineData("/reverse", "Type the entry number")]
    [InlineData("/reverse 99999 twice", "There is no entry #99999")]
    [InlineData("/close h3", "Type the period to close")]
    [InlineData("/close h1", "has not ended yet")]
    [InlineData("/carryover 8", "Name the project, the amount and the commitment's reference")]
    [InlineData("/carryover 8 100 nothing-open", "has no open commitment")]
    public void BadInput_IsAnsweredInEnglish_WithWhatToType(string text, string answer)
    {
        using var chat = new ChatFixture();
        chat.Say("local:admin", "/lang en");
        var before = (chat.Store.LedgerTotals(), chat.Store.BudgetEvents(chat.OfficeId, 2566).Count);

        Assert.Contains(answer, chat.Say("local:admin", text)[0].Text, StringComparison.Ordinal);

        Assert.Equal(before, (chat.Store.LedgerTotals(), chat.Store.BudgetEvents(chat.OfficeId, 2566).Count));
    }
}
