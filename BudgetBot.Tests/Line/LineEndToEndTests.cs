using System.Diagnostics;
using System.Net;
using BudgetBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetBot.Tests.Line;

/// <summary>The real host and our LINE client against a loopback fake of api.line.me, fed by signed webhooks.</summary>
public sealed class LineEndToEndTests
{
    [Fact]
    public async Task OneToOne_SpendThenBalance_AnsweredWithTheReplyToken()
    {
        await using var fake = await FakeLineApi.StartAsync();
        await using var host = LineHost.Start(fake);
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin, "จ่าย 7 11,550 15 ก.พ. 66 ประชุมคณะกรรมการ"))).StatusCode);
        var recorded = await fake.WaitFor(d => d.To == LineHost.Admin);
        Assert.Equal("reply", recorded.Kind);
        Assert.Contains("เบิกจ่ายแล้ว 23,310 บาท จากงบที่ได้รับจัดสรร 86,860 บาท (ร้อยละ 26.8) คงเหลือ 63,550 บาท", FakeLineApi.TextOf(recorded.Messages[0]), StringComparison.Ordinal);
        Assert.Equal("postback", recorded.Messages[^1]!["quickReply"]!["items"]![0]!["action"]!["type"]!.ToString());

        await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin, "ยอด 7"));
        var balance = await fake.WaitFor(d => d.To == LineHost.Admin && FakeLineApi.TextOf(d.Messages[0]).StartsWith("โครงการ 7", StringComparison.Ordinal));
        Assert.Contains("เบิกจ่ายแล้ว 23,310 บาท", FakeLineApi.TextOf(balance.Messages[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Group_AddressedMessagesAreAnswered_ChatterIsNot_AndSeveralEventsPerRequest()
    {
        await using var fake = await FakeLineApi.StartAsync();
        await using var host = LineHost.Start(fake);
        using var client = host.CreateClient();

        await FakeLineApi.PostAsync(client, events: [fake.Text(LineHost.Admin, "ประชุมบ่ายนี้นะครับ", LineHost.Group), fake.Text(LineHost.Admin, "ยอด 7", LineHost.Group), fake.Text(LineHost.Admin2, "/spend 8 1,000 1/3/2566", LineHost.Group)]);
        await fake.WaitFor(d => d.To == LineHost.Group && FakeLineApi.TextOf(d.Messages[0]).StartsWith("บันทึกแล้ว โครงการ 8", StringComparison.Ordinal));
        await PipelineIdle.WaitAsync(host.Services);

        var texts = fake.TextsTo(LineHost.Group).ToList();
        Assert.Equal(2, texts.Count(t => t.StartsWith("โครงการ 7", StringComparison.Ordinal) || t.StartsWith("บันทึกแล้ว", StringComparison.Ordinal)));
        Assert.Equal(2, texts.Count);
    }

    [Fact]
    public async Task EventsFromLongAgoOrTheFuture_AreDropped_ARedeliveryInsideTheWindowIsTaken()
    {
        await using var fake = await FakeLineApi.StartAsync();
        await using var host = LineHost.Start(fake);
        using var client = host.CreateClient();
        var store = host.Services.GetRequiredService<BudgetBot.Host.Storage.IServiceStore>();
        var before = store.LedgerTotals();

        var replayed = fake.Text(LineHost.Admin, "/spend 8 1,000 1/3/2566 replayed");
        replayed["timestamp"] = DateTimeOffset.UtcNow.AddYears(-3).ToUnixTimeMilliseconds();
        var future = fake.Text(LineHost.Admin, "/spend 8 1,000 1/3/2566 future");
        future["timestamp"] = DateTimeOffset.UtcNow.AddYears(77).ToUnixTimeMilliseconds();
        Assert.Equal(HttpStatusCode.OK, (await FakeLineApi.PostAsync(client, events: [replayed, future])).StatusCode);
        await PipelineIdle.WaitAsync(host.Services);
        Assert.Equal(before, store.LedgerTotals());
        Assert.Empty(fake.TextsTo(LineHost.Admin));

        var late = fake.Text(LineHost.Admin, "/spend 8 1,000 1/3/2566 redelivered");
        late["timestamp"] = DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeMilliseconds();
        late["deliveryContext"] = new System.Text.Json.Nodes.JsonObject { ["isRedelivery"] = true };
        await FakeLineApi.PostAsync(client, events: late);
        await fake.WaitFor(d => d.To == LineHost.Admin && FakeLineApi.TextOf(d.Messages[0]).StartsWith("บันทึกแล้ว โครงการ 8", StringComparison.Ordinal));
        Assert.Equal(before.Entries + 1, store.LedgerTotals().Entries);
    }

    [Fact]
    public async Task PostbackConfirmation_RecordsOnce()
    {
        await using var fake = await FakeLineApi.StartAsync();
        await using var host = LineHost.Start(fake);
        using var client = host.CreateClient();

        await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin, "/spend 17 40,000 15/3/2566 อุปกรณ์"));
        var held = await fake.WaitFor(d => d.To == LineHost.Admin);
        var data = held.Messages[^1]!["quickReply"]!["items"]![0]!["action"]!["data"]!.ToString();
        Assert.True(data.Length <= 300);

        await FakeLineApi.PostAsync(client, events: fake.Postback(LineHost.Admin, data));
        await fake.WaitFor(d => d.To == LineHost.Admin && FakeLineApi.TextOf(d.Messages[0]).StartsWith("บันทึกแล้ว โครงการ 17", StringComparison.Ordinal));
        await FakeLineApi.PostAsync(client, events: fake.Postback(LineHost.Admin, data));
        await fake.WaitFor(d => d.To == LineHost.Admin && FakeLineApi.TextOf(d.Messages[0]).Contains("ใช้ไปแล้ว", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Chart_IsAnHttpsImageServedFromMedia()
    {
        await using var fake = await FakeLineApi.StartAsync();
        await using var host = LineHost.Start(fake, ("BudgetBot:PublicBaseUrl", "https://bot.example.org"));
        using var client = host.CreateClient();

        await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin, "กราฟ 7"));
        var reply = await fake.WaitFor(d => d.To == LineHost.Admin);
        var image = reply.Messages.Single(m => m!["type"]!.ToString() == "image")!;
        var url = image["originalContentUrl"]!.ToString();
        Assert.StartsWith("https://bot.example.org/media/", url, StringComparison.Ordinal);

        var file = await client.GetAsync(new Uri(url.Replace("https://bot.example.org", "", StringComparison.Ordinal), UriKind.Relative));
        Assert.Equal("image/png", file.Content.Headers.ContentType!.MediaType);
        Assert.Empty(fake.Rejections);
    }

    [Fact]
    public async Task RedeliveredEvent_IsRecordedOnce()
    {
        await using var fake = await FakeLineApi.StartAsync();
        await using var host = LineHost.Start(fake);
        using var client = host.CreateClient();

        var spend = fake.Text(LineHost.Admin, "/spend 17 1000 1/3/2566");
        await FakeLineApi.PostAsync(client, events: spend);
        await fake.WaitFor(d => d.To == LineHost.Admin);
        var again = (System.Text.Json.Nodes.JsonObject)spend.DeepClone();
        again["deliveryContext"]!["isRedelivery"] = true;
        await FakeLineApi.PostAsync(client, events: again);
        await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin, "/balance 17"));

        var balance = await fake.WaitFor(d => FakeLineApi.TextOf(d.Messages[0]).StartsWith("โครงการ 17", StringComparison.Ordinal));
        Assert.Contains("เบิกจ่ายแล้ว 38,100 บาท", FakeLineApi.TextOf(balance.Messages[0]), StringComparison.Ordinal);
        Assert.Single(fake.TextsTo(LineHost.Admin), t => t.StartsWith("บันทึกแล้ว", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForgedSignature_IsRefusedWithNothingChanged_AndEmptyEventsAreAcknowledged()
    {
        await using var fake = await FakeLineApi.StartAsync();
        await using var host = LineHost.Start(fake);
        using var client = host.CreateClient();

        var forged = await FakeLineApi.PostAsync(client, secret: "another-secret", events: fake.Text(LineHost.Admin, "/spend 17 1000 1/3/2566"));
        var missing = await FakeLineApi.PostAsync(client, signature: "", events: fake.Text(LineHost.Admin, "/spend 17 1000 1/3/2566"));
        var empty = await FakeLineApi.PostAsync(client, events: []);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin, "/balance 17"));
        var balance = await fake.WaitFor(d => d.To == LineHost.Admin);
        Assert.Contains("เบิกจ่ายแล้ว 37,100 บาท", FakeLineApi.TextOf(balance.Messages[0]), StringComparison.Ordinal);
        Assert.Single(fake.Deliveries);
    }

    [Fact]
    public async Task SlowAnswer_IsAcknowledgedAtOnce_AndPushedWithAStableRetryKey()
    {
        await using var fake = await FakeLineApi.StartAsync();
        await using var host = LineHost.Start(fake, ("BudgetBot:Line:ReplyTokenSeconds", "0"));
        using var client = host.CreateClient();
        fake.FailPush(500);
        fake.PushesHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // Every push hangs until the webhook has answered: an acknowledgement that waited for the answer would never come.
        var ack = await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin, "/report h1")).WaitAsync(TimeSpan.FromSeconds(60));
        fake.PushesHeld.SetResult();

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var pushed = await fake.WaitFor(d => d.To == LineHost.Admin && d.Kind == "push");
        Assert.False(string.IsNullOrEmpty(pushed.RetryKey));
        await PipelineIdle.WaitAsync(host.Services);

        // The first push was accepted but its answer lost (500); the retry reused the key, got 409, and was not sent again.
        Assert.Single(fake.Deliveries);
        Assert.DoesNotContain(fake.Deliveries, d => d.Kind == "reply");
    }

    [Fact]
    public async Task Unfollow_StopsMessages_AndFollowWelcomesWithHelp()
    {
        await using var fake = await FakeLineApi.StartAsync();
        await using var host = LineHost.Start(fake);
        using var client = host.CreateClient();

        await FakeLineApi.PostAsync(client, events: fake.Follow(LineHost.Admin));
        var welcome = await fake.WaitFor(d => d.To == LineHost.Admin);
        Assert.StartsWith("คำสั่งที่ใช้ได้", FakeLineApi.TextOf(welcome.Messages[0]), StringComparison.Ordinal);

        await FakeLineApi.PostAsync(client, events: fake.Unfollow(LineHost.Admin));
        fake.AdvanceClock(TimeSpan.FromMinutes(2));
        await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin, "/balance 7"));
        await PipelineIdle.WaitAsync(host.Services);
        Assert.Single(fake.Deliveries);
    }

    [Fact]
    public async Task MonthlyQuotaUsedUp_IsReportedToAdmins()
    {
        await using var fake = await FakeLineApi.StartAsync();
        await using var host = LineHost.Start(fake, ("BudgetBot:Line:ReplyTokenSeconds", "0"));
        using var client = host.CreateClient();
        await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin2, "/whoami"));
        await fake.WaitFor(d => d.To == LineHost.Admin2);

        fake.FailPush(429);
        await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin, "/balance 7"));

        await fake.WaitFor(d => d.To == LineHost.Admin2 && FakeLineApi.TextOf(d.Messages[0]).Contains("โควตาข้อความ LINE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StandbyEvents_AndOtherDestinations_AreIgnored()
    {
        await using var fake = await FakeLineApi.StartAsync();
        await using var host = LineHost.Start(fake);
        using var client = host.CreateClient();
        await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin, "/whoami"));
        await fake.WaitFor(d => d.To == LineHost.Admin);

        var standby = fake.Text(LineHost.Admin, "/spend 17 1000 1/3/2566");
        standby["mode"] = "standby";
        Assert.Equal(HttpStatusCode.OK, (await FakeLineApi.PostAsync(client, events: standby)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await FakeLineApi.PostAsync(client, destination: "Uother000000000000000000000000000", events: fake.Text(LineHost.Admin, "/spend 17 1000 1/3/2566"))).StatusCode);
        await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin, "/balance 17"));

        var balance = await fake.WaitFor(d => FakeLineApi.TextOf(d.Messages[0]).StartsWith("โครงการ 17", StringComparison.Ordinal));
        Assert.Contains("เบิกจ่ายแล้ว 37,100 บาท", FakeLineApi.TextOf(balance.Messages[0]), StringComparison.Ordinal);
        Assert.Equal(2, fake.Deliveries.Count);
    }
}
