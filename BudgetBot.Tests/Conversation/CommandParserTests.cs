using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Conversation.Parsing;

namespace BudgetBot.Tests.Conversation;

public sealed class CommandParserTests
{
    public static IEnumerable<object[]> All() =>
        ParserTable.Rows(ParserTable.Commands)
            .Concat(ParserTable.Rows(ParserTable.Sentences))
            .Concat(ParserTable.Rows(ParserTable.Unknown))
            .Concat(ParserTable.Rows(ParserTable.Groups));

    [Fact]
    public void Table_HasAtLeast150Inputs() => Assert.True(All().Count() >= 150, $"{All().Count()} rows");

    [Theory]
    [MemberData(nameof(All))]
    public void Parse_Message_GivesTheExpectedIntent(string input, string expected)
    {
        var group = input.StartsWith("g|", StringComparison.Ordinal);
        var text = group ? input[2..] : input;
        var outcome = CommandParser.Parse(text, group ? ChatKind.Group : ChatKind.Private, botUsername: "budgetbot");

        var actual = outcome switch
        {
            ParseOutcome.Command { Inferred: true } c => "~" + c.Intent,
            ParseOutcome.Command c => (c.Intent + " " + c.Args).Trim(),
            ParseOutcome.Unknown => "?",
            _ => "-",
        };
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("7 11,550 15 ก.พ. 66 ประชุมคณะกรรมการ", "7", 11550, "2023-02-15", "ประชุมคณะกรรมการ")]
    [InlineData("#7 500", "7", 500, "2023-02-20", "")]
    [InlineData("โครงการ 17 2,400 บาท ค่าอาหารว่าง", "17", 2400, "2023-02-20", "ค่าอาหารว่าง")]
    [InlineData("โครงการที่ 17 2,400.50", "17", 2400.50, "2023-02-20", "")]
    [InlineData("โครงการ17 300 บ.", "17", 300, "2023-02-20", "")]
    [InlineData("๗ ๑๑,๕๕๐ ๑๕/๒/๒๕๖๖", "7", 11550, "2023-02-15", "")]
    [InlineData("7 1.2 ล้าน", "7", 1200000, "2023-02-20", "")]
    [InlineData("7 ฿300 เมื่อวาน ค่าน้ำ", "7", 300, "2023-02-19", "ค่าน้ำ")]
    [InlineData("7 300฿ วันนี้", "7", 300, "2023-02-20", "")]
    [InlineData("7 500 2023-01-15 x", "7", 500, "2023-01-15", "x")]
    [InlineData("7 500 15 มกราคม 2566 ค่า", "7", 500, "2023-01-15", "ค่า")]
    [InlineData("7 500 2 คน", "7", 500, "2023-02-20", "2 คน")]
    [InlineData("ศิลปหัตถกรรม 5,000 ค่ารางวัล", "ศิลปหัตถกรรม", 5000, "2023-02-20", "ค่ารางวัล")]
    public void SpendArgs_AcceptedForms_AreRead(string args, string project, double amount, string date, string note)
    {
        var (parsed, error, _) = SpendArgsParser.Parse(args, new DateOnly(2023, 2, 20));
        Assert.Equal(SpendArgsError.None, error);
        Assert.Equal((project, (decimal)amount, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), note),
            (parsed!.Project, parsed.Amount, parsed.Date, parsed.Note));
    }

    [Theory]
    [InlineData("", SpendArgsError.MissingProject)]
    [InlineData("7", SpendArgsError.MissingAmount)]
    [InlineData("7 ค่าอาหาร", SpendArgsError.MissingAmount)]
    [InlineData("7 12.345", SpendArgsError.BadAmount)]
    [InlineData("7 1,23,4", SpendArgsError.BadAmount)]
    [InlineData("500", SpendArgsError.MissingAmount)]
    public void SpendArgs_BadForms_SayWhatIsMissing(string args, SpendArgsError error) =>
        Assert.Equal(error, SpendArgsParser.Parse(args, new DateOnly(2023, 2, 20)).Error);

    [Fact]
    public void Sentence_WithDate_UsesItAndKeepsTheRestAsNote()
    {
        var s = SpendSentence.Read("จ่ายค่าอาหารว่าง 2,400 บาท โครงการ 17 วันที่ 15 ก.พ. 66", new DateOnly(2023, 2, 20))!;
        Assert.Equal(("17", 2400m, new DateOnly(2023, 2, 15), "ค่าอาหารว่าง"), (s.Project, s.Amount, s.Date, s.Note));
    }
}
