using BudgetBot.Domain.Conversation;
using BudgetBot.Host.Line;
using BudgetBot.Host.Local;
using BudgetBot.Host.Messaging;
using BudgetBot.Host.Options;
using BudgetBot.Host.Reports;

using BudgetBot.Tests.Storage;

namespace BudgetBot.Tests.Line;

public sealed class LineMessagesTests
{
    [Fact]
    public void LongReply_IsSplitAt5000Units_FiveMessagesPerRequest_ButtonsOnTheLast()
    {
        using var store = Tests.Storage.StoreFixture.Seeded(StoreKind.LiteDb, out _);
        var options = Microsoft.Extensions.Options.Options.Create(new BudgetBotOptions { DataDir = Seed.TempDir() });
        var messages = new LineMessages(new Attachments(new ChartRenderer(store), new ReportExporter(store), new LedgerCsv(store, store, options), options, TimeProvider.System), new MediaFiles(options, TimeProvider.System), store, options);
        var text = string.Join('\n', Enumerable.Range(1, 1200).Select(i => $"{i}. โครงการทดสอบ 😀"));
        var reply = new Reply(text) { Buttons = [[new Button("ถัดไป ▶", "p:abc")]] };

        var batches = messages.Build(reply);

        var all = batches.SelectMany(b => b).ToList();
        Assert.True(all.Count > 5);
        Assert.All(batches, b => Assert.InRange(b.Count, 1, LineMessages.PerRequest));
        Assert.All(all, m => Assert.InRange(m!["text"]!.ToString().Length, 1, LineMessages.MaxText));
        Assert.Equal(text.Replace("\n", "", StringComparison.Ordinal), string.Concat(all.Select(m => m!["text"]!.ToString())).Replace("\n", "", StringComparison.Ordinal));
        Assert.Null(all[0]!["quickReply"]);
        Assert.Equal("p:abc", all[^1]!["quickReply"]!["items"]![0]!["action"]!["data"]!.ToString());
    }

    [Fact]
    public void Chart_WithoutAPublicHttpsUrl_FallsBackToText()
    {
        using var store = Tests.Storage.StoreFixture.Seeded(StoreKind.LiteDb, out var office);
        var options = Microsoft.Extensions.Options.Options.Create(new BudgetBotOptions { DataDir = Seed.TempDir() });
        var messages = new LineMessages(new Attachments(new ChartRenderer(store), new ReportExporter(store), new LedgerCsv(store, store, options), options, TimeProvider.System), new MediaFiles(options, TimeProvider.System), store, options);

        var batch = Assert.Single(messages.Build(new Reply("กราฟ") { Attachments = [Attachment.Chart(office, 2566, ChartScope.Office)] }));

        Assert.Equal(2, batch.Count);
        Assert.Contains("BudgetBot__PublicBaseUrl", batch[1]!["text"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GroupReply_WithMentions_AddsATextV2Mention()
    {
        using var store = Tests.Storage.StoreFixture.Seeded(StoreKind.LiteDb, out _);
        store.SavePerson(new Domain.Budget.Person("p1", "สมหญิง") { Identities = ["line:U11111111111111111111111111111111"] });
        store.SavePerson(new Domain.Budget.Person("p2", "ไม่มีไลน์") { Identities = ["telegram:5"] });
        var options = Microsoft.Extensions.Options.Options.Create(new BudgetBotOptions { DataDir = Seed.TempDir() });
        var messages = new LineMessages(new Attachments(new ChartRenderer(store), new ReportExporter(store), new LedgerCsv(store, store, options), options, TimeProvider.System), new MediaFiles(options, TimeProvider.System), store, options);
        var reply = new Reply("ยังไม่ได้รายงานผล") { Mentions = ["p1", "p2"] };

        var inGroup = Assert.Single(messages.Build(reply, group: true));
        var private1 = Assert.Single(messages.Build(reply, group: false));

        Assert.Equal("textV2", inGroup[^1]!["type"]!.ToString());
        Assert.Equal("🔔 {m0}", inGroup[^1]!["text"]!.ToString());
        Assert.Equal("U11111111111111111111111111111111", inGroup[^1]!["substitution"]!["m0"]!["mentionee"]!["userId"]!.ToString());
        Assert.Single(private1);
    }
}
