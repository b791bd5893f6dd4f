using System.Net;
using BudgetBot.Tests.Fakes;

namespace BudgetBot.Tests.Line;

/// <summary>
/// A project's balance goes to LINE as a Flex card (title, a row per figure, a bar for the share paid) that the fake
/// checks as LINE's schema asks; when LINE refuses a card, the same answer goes as text, pushed.
/// </summary>
public sealed class LineCardTests
{
    [Fact]
    public async Task Balance_IsAFlexCard_WithTheFigures_AndItsTextAsAltText()
    {
        await using var fake = await FakeLineApi.StartAsync();
        await using var host = LineHost.Start(fake);
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin, "ยอด 7"))).StatusCode);
        var sent = await fake.WaitFor(d => d.To == LineHost.Admin && d.Messages[0]!["type"]!.ToString() == "flex");

        var flex = sent.Messages[0]!;
        Assert.Equal("reply", sent.Kind);
        Assert.StartsWith("โครงการ 7", flex["altText"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("bubble", flex["contents"]!["type"]!.ToString());
        var texts = Texts(flex["contents"]!).ToList();
        Assert.Contains(texts, t => t.StartsWith("โครงการ 7", StringComparison.Ordinal));
        Assert.Contains("เบิกจ่ายแล้ว", texts);
        Assert.Contains("11,760 บาท", texts);
        Assert.Contains("13.5", texts);
        // The bar is the result against the plan to the quarter's end (39,710 baht to Q2): 11,760 is 29.6% of it.
        Assert.Contains("ผลร้อยละ 29.6 ของแผนถึงไตรมาส 2", texts);
        Assert.Empty(fake.Rejections);
    }

    [Fact]
    public async Task ACardLineRefuses_GoesAsText_Pushed()
    {
        await using var fake = await FakeLineApi.StartAsync();
        fake.RefuseFlex = true;
        await using var host = LineHost.Start(fake);
        using var client = host.CreateClient();

        await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin, "ยอด 7"));
        var sent = await fake.WaitFor(d => d.To == LineHost.Admin && d.Messages[0]!["type"]!.ToString() == "text");

        Assert.Equal("push", sent.Kind);
        Assert.StartsWith("โครงการ 7", sent.Messages[0]!["text"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("เบิกจ่ายแล้ว 11,760 บาท", sent.Messages[0]!["text"]!.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(fake.Rejections);
    }

    [Theory]
    [InlineData("จ่าย 8 1,000 1 มี.ค. 66 ค่าถ่ายเอกสาร", "บันทึกแล้ว โครงการ 8", "รายการที่")]
    [InlineData("ยอด", "สำนักงานเขตพื้นที่การศึกษา", "แผนถึงไตรมาส 2")]
    [InlineData("ยอด กลุ่มนิเทศ", "กลุ่มนิเทศ", "ผลถึงไตรมาส 2")]
    [InlineData("ล่าช้า q2", "ต่ำกว่าแผนถึงไตรมาส 2/2566", "ตามแผน")]
    [InlineData("รายงาน 6 เดือน", "รายงานการกำกับ ติดตาม การใช้จ่ายงบประมาณ ปี 2566 รอบ 6 เดือน", "เป้าหมาย ครม. ไตรมาส 2")]
    public async Task Spend_Totals_Lagging_AndReport_AreFlexCards_WithADateAndButtons(string said, string title, string row)
    {
        await using var fake = await FakeLineApi.StartAsync();
        await using var host = LineHost.Start(fake, ("BudgetBot:PublicBaseUrl", "https://bot.example.org"));
        using var client = host.CreateClient();

        await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin, said));
        var sent = await fake.WaitFor(d => d.To == LineHost.Admin && d.Messages.Any(m => m!["type"]!.ToString() == "flex"));

        var flex = sent.Messages.First(m => m!["type"]!.ToString() == "flex")!;
        var texts = Texts(flex["contents"]!).ToList();
        Assert.Contains(texts, t => t.Contains(title, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith(row, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("ข้อมูล ณ ", StringComparison.Ordinal) || t.StartsWith('⚠'));
        Assert.StartsWith(title.Split(' ')[0], flex["altText"]!.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(sent.Messages[^1]!["quickReply"]!["items"]!.AsArray());
        Assert.Empty(fake.Rejections);
    }

    [Fact]
    public void TheFakesSchema_AcceptsOurCard_AndRefusesWhatLinesSchemaRefuses()
    {
        var card = new Domain.Conversation.Card("โครงการ 7", [new("เบิกจ่ายแล้ว", "11,760 บาท")], 13.5m, "เบิกจ่ายร้อยละ 13.5", "ข้อมูล ณ 10 พ.ค. 2566");
        var flex = BudgetBot.Host.Line.LineMessages.Flex(card, "โครงการ 7\nเบิกจ่ายแล้ว 11,760 บาท");
        Assert.Null(FakeLineApi.FlexProblem(flex));

        string? Broken(Action<System.Text.Json.Nodes.JsonNode> change)
        {
            var copy = flex.DeepClone();
            change(copy);
            return FakeLineApi.FlexProblem(copy);
        }

        Assert.NotNull(Broken(f => f["contents"]!["body"]!.AsObject().Remove("layout")));
        Assert.NotNull(Broken(f => f["contents"]!["body"]!["layout"] = "grid"));
        Assert.NotNull(Broken(f => f["contents"]!["header"]!["contents"]![0]!["weight"] = "heavy"));
        Assert.NotNull(Broken(f => f["contents"]!["header"]!["contents"]![0]!["text"] = ""));
        Assert.NotNull(Broken(f => f["contents"]!["body"]!["contents"]![0]!["type"] = "table"));
        Assert.NotNull(Broken(f => f["contents"]!["type"] = "page"));
        Assert.NotNull(Broken(f => f["altText"] = new string('ก', 401)));
        Assert.NotNull(Broken(f => f["contents"]!["body"]!["contents"]![0]!["flex"] = "5"));
    }

    /// <summary>Every text of a Flex component tree.</summary>
    private static IEnumerable<string> Texts(System.Text.Json.Nodes.JsonNode node) =>
        node switch
        {
            System.Text.Json.Nodes.JsonObject o => (o["type"]?.ToString() == "text" ? [o["text"]!.ToString()] : Array.Empty<string>())
                .Concat(o.Where(p => p.Value is not null && p.Key != "text").SelectMany(p => Texts(p.Value!))),
            System.Text.Json.Nodes.JsonArray a => a.Where(x => x is not null).SelectMany(x => Texts(x!)),
            _ => [],
        };
}
