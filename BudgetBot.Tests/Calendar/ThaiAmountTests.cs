using BudgetBot.Domain.Calendar;

namespace BudgetBot.Tests.Calendar;

public sealed class ThaiAmountTests
{
    [Theory]
    [InlineData("11550", "11550")]
    [InlineData("11,550", "11550")]
    [InlineData("11,550.50", "11550.50")]
    [InlineData("๑๑,๕๕๐", "11550")]
    [InlineData("๑๑๕๕๐.๕", "11550.5")]
    [InlineData("2,400 บาท", "2400")]
    [InlineData("2400บาท", "2400")]
    [InlineData("2400 บ.", "2400")]
    [InlineData("฿300", "300")]
    [InlineData("300฿", "300")]
    [InlineData("1.2 ล้าน", "1200000")]
    [InlineData("1.2ล้านบาท", "1200000")]
    [InlineData("3 แสน", "300000")]
    [InlineData("5 พัน", "5000")]
    [InlineData("  75,100.00  ", "75100")]
    [InlineData("0.50", "0.5")]
    [InlineData("1,234,567.89", "1234567.89")]
    public void Parse_AcceptedForms_GiveTheAmount(string text, string expected)
    {
        var result = ThaiAmount.Parse(text);
        Assert.True(result.IsOk, result.Reason);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Value);
    }

    [Theory]
    [InlineData("12.345", AmountError.TooManyDecimals)]
    [InlineData("1.2345678 พัน", AmountError.TooManyDecimals)]
    [InlineData("-500", AmountError.Negative)]
    [InlineData("1,23,4", AmountError.BadCommas)]
    [InlineData("12,34", AmountError.BadCommas)]
    [InlineData("abc", AmountError.NotANumber)]
    [InlineData("", AmountError.NotANumber)]
    [InlineData("บาท", AmountError.NotANumber)]
    [InlineData("1 2 3", AmountError.NotANumber)]
    [InlineData("12e5", AmountError.NotANumber)]
    public void Parse_RefusedForms_SayWhy(string text, AmountError error)
    {
        var result = ThaiAmount.Parse(text);
        Assert.False(result.IsOk);
        Assert.Equal(error, result.Error);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    [Theory]
    [InlineData("1234.5", "1,234.50 บาท")]
    [InlineData("0", "0.00 บาท")]
    [InlineData("3000000", "3,000,000.00 บาท")]
    [InlineData("-21440", "-21,440.00 บาท")]
    public void Format_Amount_HasCommasTwoDecimalsAndBaht(string amount, string text) =>
        Assert.Equal(text, ThaiAmount.Format(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void ThaiDigits_RoundTrip()
    {
        Assert.Equal("0123456789", ThaiDigits.ToAscii("๐๑๒๓๔๕๖๗๘๙"));
        Assert.Equal("รอบ ๖ เดือน", ThaiDigits.ToThai("รอบ 6 เดือน"));
        Assert.Equal("ที่ ศธ 04006/ว 3913", ThaiDigits.ToAscii("ที่ ศธ ๐๔๐๐๖/ว ๓๙๑๓"));
    }
}
