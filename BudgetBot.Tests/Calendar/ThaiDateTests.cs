using BudgetBot.Domain.Calendar;

namespace BudgetBot.Tests.Calendar;

public sealed class ThaiDateTests
{
    private static readonly DateOnly Today = new(2023, 2, 20);

    [Theory]
    [InlineData("15 ม.ค. 66", "2023-01-15")]
    [InlineData("15 ม.ค. 2566", "2023-01-15")]
    [InlineData("15 มกราคม 2566", "2023-01-15")]
    [InlineData("15 มกราคม พ.ศ. 2566", "2023-01-15")]
    [InlineData("วันที่ 15 มกราคม 2566", "2023-01-15")]
    [InlineData("15 มค 66", "2023-01-15")]
    [InlineData("15/1/2566", "2023-01-15")]
    [InlineData("15/01/66", "2023-01-15")]
    [InlineData("2023-01-15", "2023-01-15")]
    [InlineData("๑๕ ม.ค. ๖๖", "2023-01-15")]
    [InlineData("๑๕/๑/๒๕๖๖", "2023-01-15")]
    [InlineData("  15 ก.พ. 66  ", "2023-02-15")]
    [InlineData("29 ก.พ. 67", "2024-02-29")]
    [InlineData("1 ต.ค. 65", "2022-10-01")]
    [InlineData("31 ธันวาคม 2565", "2022-12-31")]
    [InlineData("15 Jan 2023", "2023-01-15")]
    [InlineData("วันนี้", "2023-02-20")]
    [InlineData("today", "2023-02-20")]
    [InlineData("เมื่อวาน", "2023-02-19")]
    [InlineData("yesterday", "2023-02-19")]
    public void Parse_KnownForms_GiveTheDate(string text, string iso)
    {
        var result = ThaiDate.Parse(text, Today);
        Assert.True(result.IsOk, result.Error);
        Assert.Equal(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), result.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("พรุ่งนี้บ่าย")]
    [InlineData("31 ก.พ. 66")]
    [InlineData("29 ก.พ. 66")]
    [InlineData("15 มกรา 2566 x")]
    [InlineData("32/1/2566")]
    [InlineData("15/13/2566")]
    [InlineData("15 ฟฟฟ 66")]
    [InlineData("2023-02-30")]
    public void Parse_Garbage_IsRefusedWithAReason(string text)
    {
        var result = ThaiDate.Parse(text, Today);
        Assert.False(result.IsOk);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Fact]
    public void Format_ShortAndLong_UseBuddhistEra()
    {
        var date = new DateOnly(2023, 3, 31);
        Assert.Equal("31 มี.ค. 2566", ThaiDate.Short(date));
        Assert.Equal("31 มีนาคม 2566", ThaiDate.Long(date));
    }
}
