using BudgetBot.Host.Telegram;

namespace BudgetBot.Tests.Telegram;

public sealed class TelegramTextTests
{
    [Fact]
    public void Html_EscapesOnlyWhatTelegramNeeds() =>
        Assert.Equal("a &lt;b&gt; &amp; ค่า \"q\"", TelegramParts.Html("a <b> & ค่า \"q\""));

    [Fact]
    public void Split_LongText_KeepsEveryCharacterWithinTheLimit()
    {
        var lines = string.Join('\n', Enumerable.Range(1, 400).Select(i => $"{i}. โครงการทดสอบ ใช้แล้ว 1,234.50 บาท &amp;"));
        var parts = TelegramParts.Split(lines);
        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, TelegramParts.MaxText));
        Assert.Equal(lines.Replace("\n", "", StringComparison.Ordinal), string.Concat(parts).Replace("\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Split_WithoutLineBreaks_NeverCutsAnEntityOrASurrogatePair()
    {
        var text = string.Concat(Enumerable.Repeat("ก&amp;😀", 1500));
        var parts = TelegramParts.Split(text);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, TelegramParts.MaxText));
        Assert.All(parts.Skip(1), p => Assert.False(char.IsLowSurrogate(p[0])));
        Assert.All(parts.Skip(1), p => Assert.False(p.StartsWith("amp;", StringComparison.Ordinal) || p.StartsWith("mp;", StringComparison.Ordinal) || p.StartsWith("p;", StringComparison.Ordinal) || p.StartsWith(';')));
        Assert.Equal(text, string.Concat(parts));
    }
}
