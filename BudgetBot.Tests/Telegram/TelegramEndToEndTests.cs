using System.Net;
using System.Text;
using BudgetBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetBot.Tests.Telegram;

/// <summary>The real host, the real Telegram.Bot client, HTTP to a loopback fake of the Bot API.</summary>
public sealed class TelegramEndToEndTests
{
    [Fact]
    public async Task PrivateChat_SpendThenBalance_RepliesWithTheFigures()
    {
        await using var fake = await FakeTelegramApi.StartAsync();
        await using var host = TelegramHost.Start(fake, Seed.TempDir());

        fake.EnqueueText(1001, 1001, "/spend 7 11,550 15/2/2566 ประชุมคณะกรรมการ");
        var recorded = await fake.WaitFor(c => c.Method == "sendMessage" && c.Text.Contains("บันทึกแล้ว โครงการ 7", StringComparison.Ordinal));
        Assert.Contains("เบิกจ่ายแล้ว 23,310 บาท จากงบที่ได้รับจัดสรร 86,860 บาท (ร้อยละ 26.8) คงเหลือ 63,550 บาท", recorded.Text, StringComparison.Ordinal);
        Assert.Contains("callback_data", recorded.Markup, StringComparison.Ordinal);

        fake.EnqueueText(1001, 1001, "ยอด 7");
        var balance = await fake.WaitFor(c => c.Method == "sendMessage" && c.Text.StartsWith("โครงการ 7", StringComparison.Ordinal));
        Assert.Contains("เบิกจ่ายแล้ว 23,310 บาท", balance.Text, StringComparison.Ordinal);

        // The command list is registered in Thai (default) and English.
        Assert.Contains(fake.Calls, c => c.Method == "setMyCommands" && c.Args["language_code"] is null);
        Assert.Contains(fake.Calls, c => c.Method == "setMyCommands" && c.Args["language_code"]?.ToString() == "en");
    }

    [Fact]
    public async Task SameUpdateDeliveredTwice_IsAppliedOnce()
    {
        await using var fake = await FakeTelegramApi.StartAsync();
        await using var host = TelegramHost.Start(fake, Seed.TempDir());

        fake.EnqueueText(1002, 1002, "/spend 17 1000 1/3/2566");
        await fake.WaitFor(c => c.ChatId == 1002 && c.Text.StartsWith("บันทึกแล้ว", StringComparison.Ordinal));
        fake.Redeliver(0);
        fake.EnqueueText(1002, 1002, "/balance 17");
        var balance = await fake.WaitFor(c => c.ChatId == 1002 && c.Text.StartsWith("โครงการ 17", StringComparison.Ordinal));

        Assert.Contains("เบิกจ่ายแล้ว 38,100 บาท", balance.Text, StringComparison.Ordinal);
        Assert.Single(fake.Sent(1002), c => c.Text.StartsWith("บันทึกแล้ว", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Group_CommandForUs_IsAnswered_AndForAnotherBotIsIgnored()
    {
        await using var fake = await FakeTelegramApi.StartAsync();
        await using var host = TelegramHost.Start(fake, Seed.TempDir());

        fake.EnqueueText(-1001234567890, 1003, "/balance@otherbot 7", "supergroup");
        fake.EnqueueText(-1001234567890, 1003, $"/balance@{FakeTelegramApi.Username.ToUpperInvariant()} 8", "supergroup");
        var reply = await fake.WaitFor(c => c.ChatId == -1001234567890);

        Assert.StartsWith("โครงการ 8", reply.Text, StringComparison.Ordinal);
        await PipelineIdle.WaitAsync(host.Services);
        Assert.Single(fake.Sent(-1001234567890));
    }

    [Fact]
    public async Task ButtonConfirmation_IsAnsweredEditedAndUsableOnce()
    {
        await using var fake = await FakeTelegramApi.StartAsync();
        await using var host = TelegramHost.Start(fake, Seed.TempDir());

        fake.EnqueueText(1004, 1004, "/spend 17 40,000 15/3/2566 อุปกรณ์");
        var held = await fake.WaitFor(c => c.ChatId == 1004 && c.Text.Contains("ผู้ดูแลระบบกดยืนยัน", StringComparison.Ordinal));
        var payload = System.Text.Json.Nodes.JsonNode.Parse(held.Markup!)!["inline_keyboard"]![0]![0]!["callback_data"]!.ToString();
        Assert.True(Encoding.UTF8.GetByteCount(payload) <= 64);

        fake.EnqueueCallback(1004, 1004, 99, payload);
        var done = await fake.WaitFor(c => c.ChatId == 1004 && c.Text.StartsWith("บันทึกแล้ว โครงการ 17", StringComparison.Ordinal));
        Assert.Contains("เบิกจ่ายแล้ว 77,100 บาท", done.Text, StringComparison.Ordinal);
        await fake.WaitFor(c => c.Method == "answerCallbackQuery");
        await fake.WaitFor(c => c.Method == "editMessageReplyMarkup" && c.Args["message_id"]!.ToString() == "99");

        fake.EnqueueCallback(1004, 1004, 99, payload);
        await fake.WaitFor(c => c.ChatId == 1004 && c.Text.Contains("ใช้ไปแล้ว", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARefusedTap_LeavesTheButtons_TheRightTapRemovesThem()
    {
        await using var fake = await FakeTelegramApi.StartAsync();
        await using var host = TelegramHost.Start(fake, Seed.TempDir());

        fake.EnqueueText(1006, 1006, "/spend 17 40,000 15/3/2566 อุปกรณ์");
        var held = await fake.WaitFor(c => c.ChatId == 1006 && c.Text.Contains("ผู้ดูแลระบบกดยืนยัน", StringComparison.Ordinal));
        var payload = System.Text.Json.Nodes.JsonNode.Parse(held.Markup!)!["inline_keyboard"]![0]![0]!["callback_data"]!.ToString();

        // Someone who is not registered taps it (a forwarded message, say): refused, and the buttons stay.
        fake.EnqueueCallback(1006, 987654, 77, payload);
        await fake.WaitFor(c => c.ChatId == 1006 && c.Text.Contains("ยังไม่ได้ลงทะเบียน", StringComparison.Ordinal));
        await fake.WaitFor(c => c.Method == "answerCallbackQuery");
        await PipelineIdle.WaitAsync(host.Services);
        Assert.DoesNotContain(fake.Calls, c => c.Method == "editMessageReplyMarkup");

        fake.EnqueueCallback(1006, 1006, 77, payload);
        await fake.WaitFor(c => c.ChatId == 1006 && c.Text.StartsWith("บันทึกแล้ว โครงการ 17", StringComparison.Ordinal));
        await fake.WaitFor(c => c.Method == "editMessageReplyMarkup" && c.Args["message_id"]!.ToString() == "77");
        Assert.Single(fake.Calls, c => c.Method == "editMessageReplyMarkup");
    }

    [Fact]
    public async Task ChartAndReport_AreSentAsPhotoAndDocument()
    {
        await using var fake = await FakeTelegramApi.StartAsync();
        await using var host = TelegramHost.Start(fake, Seed.TempDir());

        fake.EnqueueText(1005, 1005, "/chart 7");
        var photo = await fake.WaitFor(c => c.Method == "sendPhoto");
        fake.EnqueueText(1005, 1005, "/report h1");
        var document = await fake.WaitFor(c => c.Method == "sendDocument");

        Assert.Equal(1005, photo.ChatId);
        Assert.Contains(photo.Args, a => a.Key.StartsWith("file:", StringComparison.Ordinal) && (long)a.Value! > 1000);
        Assert.Equal("report-2566-h1.xlsx", document.Args["filename"]!.ToString());
    }

    [Fact]
    public async Task Webhook_RightSecretIsHandled_WrongSecretIsRefusedWithNoEffect()
    {
        await using var fake = await FakeTelegramApi.StartAsync();
        await using var host = TelegramHost.Start(fake, Seed.TempDir(), ("BudgetBot:PublicBaseUrl", "https://bot.example.org"), ("BudgetBot:Telegram:WebhookSecret", "s3cret-Token_1"));
        using var client = host.CreateClient();
        await fake.WaitFor(c => c.Method == "setWebhook" && c.Args["secret_token"]!.ToString() == "s3cret-Token_1"
            && c.Args["url"]!.ToString() == "https://bot.example.org/webhooks/telegram");

        var update = """{"update_id":700000001,"message":{"message_id":5,"date":1767225600,"from":{"id":1006,"is_bot":false,"first_name":"A"},"chat":{"id":1006,"type":"private"},"text":"/spend 7 100 1/3/2566","entities":[{"type":"bot_command","offset":0,"length":6}]}}""";
        using var wrong = new StringContent(update, Encoding.UTF8, "application/json");
        wrong.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "nope");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(new Uri("/webhooks/telegram", UriKind.Relative), wrong)).StatusCode);
        using var missing = new StringContent(update, Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(new Uri("/webhooks/telegram", UriKind.Relative), missing)).StatusCode);
        await PipelineIdle.WaitAsync(host.Services);
        Assert.Empty(fake.Sent(1006));

        using var right = new StringContent(update, Encoding.UTF8, "application/json");
        right.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "s3cret-Token_1");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri("/webhooks/telegram", UriKind.Relative), right)).StatusCode);
        var reply = await fake.WaitFor(c => c.ChatId == 1006);
        Assert.Contains("เบิกจ่ายแล้ว 11,860 บาท", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.Calls, c => c.Method == "getUpdates");
    }

    [Fact]
    public async Task Webhook_GroupCommandForUs_BeforeTheBotKnowsItsName_WaitsAndIsAnswered()
    {
        await using var fake = await FakeTelegramApi.StartAsync();
        fake.Fail("getMe", 502);
        await using var host = TelegramHost.Start(fake, Seed.TempDir(), ("BudgetBot:PublicBaseUrl", "https://bot.example.org"), ("BudgetBot:Telegram:WebhookSecret", "s3cret"));
        using var client = host.CreateClient();

        var update = """{"update_id":700000002,"message":{"message_id":6,"date":1767225600,"from":{"id":1001,"is_bot":false,"first_name":"A"},"chat":{"id":-2001,"type":"supergroup"},"text":"/balance@budgetbot_test 7","entities":[{"type":"bot_command","offset":0,"length":23}]}}""";
        using var body = new StringContent(update, Encoding.UTF8, "application/json");
        body.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "s3cret");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri("/webhooks/telegram", UriKind.Relative), body)).StatusCode);
        Assert.DoesNotContain(fake.Calls, c => c.Method == "getMe" && c.Ok);

        // Stored while the username was unknown, it waits for getMe (retried after the 502) instead of being judged another bot's.
        var reply = await fake.WaitFor(c => c.Method == "sendMessage" && c.ChatId == -2001);
        Assert.StartsWith("โครงการ 7", reply.Text, StringComparison.Ordinal);
        Assert.True(fake.Calls.First(c => c.Method == "getMe" && c.Ok).At <= reply.At);
    }

    [Fact]
    public async Task BlockedChat_IsMarkedGone_AndGetsNothingMore()
    {
        await using var fake = await FakeTelegramApi.StartAsync();
        await using var host = TelegramHost.Start(fake, Seed.TempDir());

        fake.Fail("sendMessage", 403);
        fake.EnqueueText(1007, 1007, "/balance 7");
        await fake.WaitFor(c => c.Method == "getMe");
        await fake.WaitUntil(() => fake.Calls.Any(c => !c.Ok && c.Method == "sendMessage"), TimeSpan.FromSeconds(20));
        fake.EnqueueText(1007, 1007, "/balance 8");
        fake.EnqueueText(1008, 1008, "/balance 8");

        await fake.WaitFor(c => c.ChatId == 1008);
        await PipelineIdle.WaitAsync(host.Services);
        Assert.Empty(fake.Sent(1007));
        Assert.Single(fake.Calls, c => c.ChatId == 1007);
    }

    [Fact]
    public async Task GroupUpgradedToSupergroup_KeepsItsSubscription()
    {
        await using var fake = await FakeTelegramApi.StartAsync();
        await using var host = TelegramHost.Start(fake, Seed.TempDir());

        fake.EnqueueText(-4001, 1009, "/subscribe@budgetbot_test weekly", "group");
        await fake.WaitFor(c => c.ChatId == -4001 && c.Text.Contains("ทุกสัปดาห์", StringComparison.Ordinal));
        fake.EnqueueMigration(-4001, -1004001);
        fake.EnqueueText(-1004001, 1009, "/balance@budgetbot_test", "supergroup");
        await fake.WaitFor(c => c.ChatId == -1004001);

        var chat = host.Services.GetRequiredService<BudgetBot.Domain.Ports.IChatStore>();
        Assert.Equal(BudgetBot.Domain.Ports.SubscriptionKind.Weekly, chat.Subscription("telegram:-1004001")!.Kind);
        Assert.Equal(BudgetBot.Domain.Ports.SubscriptionKind.Off, chat.Subscription("telegram:-4001")!.Kind);
    }

    [Fact]
    public async Task ServerErrors_AreRetriedWithBackoff_AndTheReplySentOnce()
    {
        await using var fake = await FakeTelegramApi.StartAsync();
        await using var host = TelegramHost.Start(fake, Seed.TempDir());

        fake.Fail("sendMessage", 502, count: 2);
        fake.EnqueueText(1010, 1010, "/balance 7");
        await fake.WaitFor(c => c.ChatId == 1010, TimeSpan.FromSeconds(20));
        await PipelineIdle.WaitAsync(host.Services);

        Assert.Equal(2, fake.Calls.Count(c => !c.Ok && c.ChatId == 1010));
        Assert.Single(fake.Sent(1010));
    }

    [Fact]
    public async Task PermanentRefusal_IsSetAsideOnce_AdminsAreTold_AndTheChatsNextReplyGoesOut()
    {
        await using var fake = await FakeTelegramApi.StartAsync();
        await using var host = TelegramHost.Start(fake, Seed.TempDir());
        fake.EnqueueText(1011, 1011, "/whoami");
        await fake.WaitFor(c => c.ChatId == 1011);

        fake.Fail("sendMessage", 400);
        fake.EnqueueText(1012, 1012, "/balance 7");
        fake.EnqueueText(1012, 1012, "/balance 8");
        var next = await fake.WaitFor(c => c.ChatId == 1012 && c.Text.StartsWith("โครงการ 8", StringComparison.Ordinal));
        await fake.WaitFor(c => c.ChatId == 1011 && c.Text.Contains("ไม่สำเร็จ", StringComparison.Ordinal));
        await PipelineIdle.WaitAsync(host.Services);

        Assert.Single(fake.Calls, c => !c.Ok && c.ChatId == 1012);
        Assert.DoesNotContain(fake.Sent(1012), c => c.Text.StartsWith("โครงการ 7", StringComparison.Ordinal));
        Assert.NotNull(next);
        var failed = Assert.Single(host.Services.GetRequiredService<BudgetBot.Host.Storage.IServiceStore>().Failed(10));
        Assert.Contains("400", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuarterReminder_ReachesAnAdminThroughTelegram_WithAButton()
    {
        await using var fake = await FakeTelegramApi.StartAsync();
        await using var host = TelegramHost.Start(fake, Seed.TempDir());
        fake.EnqueueText(1001, 1001, "/whoami"); // a configured admin becomes a person on first contact
        await fake.WaitFor(c => c.ChatId == 1001);

        var run = host.Services.GetRequiredService<BudgetBot.Host.Jobs.ReminderRun>();
        Assert.True(run.RunAt(DateTimeOffset.Parse("2023-03-24T09:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture)) > 0);

        var reminder = await fake.WaitFor(c => c.ChatId == 1001 && c.Text.StartsWith("เตือนรายงานผล ไตรมาส 2/2566", StringComparison.Ordinal));
        Assert.Contains("31. พัฒนาคุณภาพการเรียนการสอนวิทยาศาสตร์และเทคโนโลยี — ถึงไตรมาส 2: แผน ", reminder.Text, StringComparison.Ordinal);
        Assert.Equal("รายงานโครงการ 1", System.Text.Json.Nodes.JsonNode.Parse(reminder.Markup!)!["inline_keyboard"]![0]![0]!["text"]!.ToString());
        Assert.Equal(0, run.RunAt(DateTimeOffset.Parse("2023-03-24T09:15:00+07:00", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task GroupReminder_MentionsTheOwnersWhoHaveNotReported()
    {
        await using var fake = await FakeTelegramApi.StartAsync();
        await using var host = TelegramHost.Start(fake, Seed.TempDir());
        var chat = host.Services.GetRequiredService<BudgetBot.Domain.Ports.IChatStore>();
        var budget = host.Services.GetRequiredService<BudgetBot.Domain.Ports.IBudgetStore>();
        var owner = new BudgetBot.Domain.Budget.Person("p-somchai", "สมชาย <ใจดี>") { Identities = ["telegram:2001"], Roles = [new(budget.Offices()[0].Id, BudgetBot.Domain.Budget.Role.Owner, null)] };
        chat.SavePerson(owner);
        var p8 = budget.Projects(budget.Offices()[0].Id, 2566).Single(p => p.Number == 8);
        budget.SaveProject(p8 with { Owners = ["p-somchai"] });
        fake.EnqueueText(-5001, 1001, "/subscribe@budgetbot_test quarter", "supergroup");
        await fake.WaitFor(c => c.ChatId == -5001);

        host.Services.GetRequiredService<BudgetBot.Host.Jobs.ReminderRun>().RunAt(DateTimeOffset.Parse("2023-03-24T09:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture));

        var reminder = await fake.WaitFor(c => c.ChatId == -5001 && c.Text.Contains("ผลการเบิกจ่ายต่ำกว่าแผน", StringComparison.Ordinal));
        Assert.Contains("<a href=\"tg://user?id=2001\">สมชาย &lt;ใจดี&gt;</a>", reminder.Html, StringComparison.Ordinal);
        Assert.Equal("Html", reminder.Args["parse_mode"]!.ToString());
    }
}
