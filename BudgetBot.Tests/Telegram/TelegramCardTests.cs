using System.Text.Json.Nodes;
using BudgetBot.Tests.Fakes;

namespace BudgetBot.Tests.Telegram;

/// <summary>On Telegram a card is an HTML message: its title in bold, every figure of the text, a bar, and buttons for what comes next.</summary>
public sealed class TelegramCardTests
{
    [Theory]
    [InlineData("ยอด 7", "โครงการ 7", "▰", "ผลร้อยละ 29.6 ของแผนถึงไตรมาส 2", "ประวัติ")]
    [InlineData("ยอด", "สำนักงานเขตพื้นที่การศึกษา", "▱", "ผลร้อยละ", "ล่าช้า")]
    [InlineData("/spend 7 2,400 15/2/2566 ค่าวัสดุ", "บันทึกแล้ว โครงการ 7", "▰", "ผลร้อยละ", "ยกเลิก")]
    public async Task Card_IsHtml_TitleInBold_ABar_AndButtons(string said, string title, string cell, string label, string button)
    {
        await using var fake = await FakeTelegramApi.StartAsync();
        await using var host = TelegramHost.Start(fake, Seed.TempDir());

        fake.EnqueueText(1001, 1001, said);
        var sent = await fake.WaitFor(c => c.Method == "sendMessage" && c.ChatId == 1001);

        Assert.Equal("HTML", sent.Args["parse_mode"]?.ToString(), ignoreCase: true);
        Assert.StartsWith("<b>" + title, sent.Html, StringComparison.Ordinal);
        Assert.Contains(cell, sent.Text, StringComparison.Ordinal);
        Assert.Contains($"<b>{label}", sent.Html, StringComparison.Ordinal);
        // The text as shown is the reply's: a card drops no figure.
        Assert.Contains("บาท", sent.Text.Split('\n')[1], StringComparison.Ordinal);
        var labels = JsonNode.Parse(sent.Markup!)!["inline_keyboard"]!.AsArray().SelectMany(r => r!.AsArray()).Select(b => b!["text"]!.ToString());
        Assert.Contains(button, labels);
    }
}
