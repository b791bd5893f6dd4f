using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Conversation.Parsing;

namespace BudgetBot.Tests.Conversation;

/// <summary>Allocation letters and transfers as people type them, read or refused; never guessed.</summary>
public sealed class BudgetArgsTests
{
    private static readonly DateOnly Today = new(2023, 6, 20);

    [Theory]
    [InlineData("500,000 ศธ 04006/ว 1234 15 มิ.ย. 66 โครงการ", 500_000, "ศธ 04006/ว 1234", "2023-06-15", EnvelopeKind.Projects, null)]
    [InlineData("500000 ศธ 04006/ว 1234 15/6/2566 projects", 500_000, "ศธ 04006/ว 1234", "2023-06-15", EnvelopeKind.Projects, null)]
    [InlineData("250000 ศธ 04006/ว 77 2023-06-01 reserve", 250_000, "ศธ 04006/ว 77", "2023-06-01", EnvelopeKind.Reserve, null)]
    [InlineData("1,200,000.50 บาท ที่ ศธ 04006/ว 5 ลงวันที่ 1 มิถุนายน 2566 งบประจำ", 1_200_000.50, "ศธ 04006/ว 5", "2023-06-01", EnvelopeKind.Recurring, null)]
    [InlineData("ครั้งที่ 3 500,000 บาท ที่ ศธ 04006/ว 1234 ลงวันที่ 15 มิ.ย. 66", 500_000, "ศธ 04006/ว 1234", "2023-06-15", null, 3)]
    [InlineData("๕๐๐,๐๐๐ ศธ ๐๔๐๐๖/ว ๑๒๓๔ ๑๕ มิ.ย. ๖๖", 500_000, "ศธ 04006/ว 1234", "2023-06-15", null, null)]
    [InlineData("2 ล้าน ด่วนที่สุด ศธ 04006/ว 9 1/6/66", 2_000_000, "ด่วนที่สุด ศธ 04006/ว 9", "2023-06-01", null, null)]
    public void Letter_IsRead(string text, double amount, string letter, string date, EnvelopeKind? envelope, int? round)
    {
        var parsed = RoundArgs.Parse(text, Today);

        Assert.True(parsed.IsOk, parsed.Problem.ToString());
        Assert.Equal((decimal)amount, parsed.Amount);
        Assert.Equal(letter, parsed.Letter);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), parsed.Date);
        Assert.Equal(envelope, parsed.Envelope);
        Assert.Equal(round, parsed.StatedRound);
    }

    [Theory]
    [InlineData("", RoundProblem.Shape)]
    [InlineData("500,000", RoundProblem.Shape)]
    [InlineData("500,000 15/6/2566", RoundProblem.Shape)]
    [InlineData("ห้าแสน ศธ 04006/ว 1234 15/6/2566", RoundProblem.Amount)]
    [InlineData("500,00 ศธ 04006/ว 1234 15/6/2566", RoundProblem.Amount)]
    [InlineData("500,000 ศธ 04006/ว 1234", RoundProblem.Date)]
    [InlineData("500,000 ศธ 04006/ว 1234 31/6/2566", RoundProblem.Date)]
    [InlineData("500,000 ศธ 04006/ว 1234 15 มิถุนา 66", RoundProblem.Date)]
    [InlineData("500,000 หนังสือแจ้ง 15/6/2566", RoundProblem.Letter)]
    [InlineData("ครั้งที่ สาม 500,000 ศธ 04006/ว 1234 15/6/2566", RoundProblem.Shape)]
    public void BadLetter_IsRefused(string text, RoundProblem problem) => Assert.Equal(problem, RoundArgs.Parse(text, Today).Problem);

    [Theory]
    [InlineData("5,000 จาก 9 ไป 7", 5_000, "9", "7")]
    [InlineData("5000 9 7", 5_000, "9", "7")]
    [InlineData("5000 from 9 to 7", 5_000, "9", "7")]
    [InlineData("5000 baht from project 9 to project 7", 5_000, "9", "7")]
    [InlineData("๕,๐๐๐ บาท จาก โครงการที่ ๙ ไปยัง #๗", 5_000, "9", "7")]
    [InlineData("2,000 จาก สำรอง ไป 7", 2_000, MoneyPool.Reserve, "7")]
    [InlineData("2000 reserve 7", 2_000, MoneyPool.Reserve, "7")]
    [InlineData("30,000 จาก ยังไม่จัดสรร ไป โครงการ 8", 30_000, MoneyPool.Unallocated, "8")]
    [InlineData("30000 unallocated 8", 30_000, MoneyPool.Unallocated, "8")]
    public void Transfer_IsRead(string text, double amount, string from, string to)
    {
        var parsed = TransferArgs.Parse(text);

        Assert.True(parsed.IsOk, parsed.Problem.ToString());
        Assert.Equal((decimal)amount, parsed.Amount);
        Assert.Equal(from, parsed.From!.Pool ?? parsed.From.Project.ToString());
        Assert.Equal(to, parsed.To!.Project.ToString());
    }

    [Theory]
    [InlineData("", TransferProblem.Shape)]
    [InlineData("5000", TransferProblem.Shape)]
    [InlineData("5000 9", TransferProblem.Shape)]
    [InlineData("ห้าพัน จาก 9 ไป 7", TransferProblem.Amount)]
    [InlineData("-5000 9 7", TransferProblem.Amount)]
    [InlineData("5000.123 9 7", TransferProblem.Amount)]
    [InlineData("5000 จาก เก้า ไป 7", TransferProblem.End)]
    [InlineData("5000 จาก 9 ไป 7 และ 8", TransferProblem.End)]
    [InlineData("5000 9 reserve", TransferProblem.ToPool)]
    [InlineData("5000 จาก 9 ไป ยังไม่จัดสรร", TransferProblem.ToPool)]
    public void BadTransfer_IsRefused(string text, TransferProblem problem) => Assert.Equal(problem, TransferArgs.Parse(text).Problem);
}
