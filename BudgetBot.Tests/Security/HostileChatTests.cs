using System.Text.Json.Nodes;
using BudgetBot.Host.Storage;
using BudgetBot.Tests.Fakes;
using BudgetBot.Tests.Line;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BudgetBot.Tests.Security;

/// <summary>
/// Hundreds of hostile chat inputs through the real host (signed LINE webhooks, the real pipeline, the LINE fake):
/// every one gets a reply, the host keeps serving, the next real message is answered, and no figure moves.
/// </summary>
public sealed class HostileChatTests(ITestOutputHelper output)
{
    private const string Stranger = "U5742a9e0000000000000000000000001";

    [Fact]
    public async Task ThreeHundredHostileInputs_EachAnswered_NothingChanges()
    {
        await using var fake = await FakeLineApi.StartAsync();
        await using var host = LineHost.Start(fake);
        using var client = host.CreateClient();
        await SendEach(fake, client, LineHost.Admin, [fake.Text(LineHost.Admin, "/whoami")]); // a configured admin becomes a person
        var before = Figures(host);

        var fromStranger = HostileInputs().ToList();
        var fromAdmin = HostileAmounts().Concat(OtherOffices()).ToList();
        Assert.True(fromStranger.Count + fromAdmin.Count >= 300, $"{fromStranger.Count + fromAdmin.Count} inputs");

        // Someone not registered is answered once a day, however much they send: the first input gets the answer, the
        // rest are read and dropped. /join is how they register, so each of those is answered.
        static bool IsJoin(string text) => BudgetBot.Domain.Conversation.Parsing.CommandParser.Parse(text, BudgetBot.Domain.Conversation.ChatKind.Private)
            is BudgetBot.Domain.Conversation.Parsing.ParseOutcome.Command { Intent: BudgetBot.Domain.Conversation.Intent.Join };
        foreach (var e in fromStranger.Where(t => !IsJoin(t)).Select(t => fake.Text(Stranger, t)))
        {
            using var response = await FakeLineApi.PostAsync(client, events: e);
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} for {e.ToJsonString()[..Math.Min(200, e.ToJsonString().Length)]}");
        }

        await PipelineIdle.WaitAsync(host.Services);
        Assert.Single(fake.TextsTo(Stranger));
        await SendEach(fake, client, Stranger, fromStranger.Where(IsJoin).Select(t => fake.Text(Stranger, t)));
        await SendEach(fake, client, LineHost.Admin, fromAdmin.Select(t => fake.Text(LineHost.Admin, t)));
        await SendEach(fake, client, LineHost.Admin, ForgedButtons().Select(p => fake.Postback(LineHost.Admin, p)));

        var strangerReplies = fake.TextsTo(Stranger).ToList();
        Assert.Equal(1 + fromStranger.Count(IsJoin), strangerReplies.Count);
        Assert.All(strangerReplies, r => Assert.False(string.IsNullOrWhiteSpace(r)));
        Assert.DoesNotContain(fake.TextsTo(LineHost.Admin), r => r.StartsWith("บันทึกแล้ว", StringComparison.Ordinal));
        output.WriteLine($"{fromStranger.Count} inputs from a stranger (answered once), {fromAdmin.Count} hostile amounts and projects and {ForgedButtons().Count()} forged buttons from an admin; all answered");

        await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin, "ยอด 7"));
        await fake.WaitFor(d => d.To == LineHost.Admin && FakeLineApi.TextOf(d.Messages[0]).StartsWith("โครงการ 7", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal(before, Figures(host));
        Assert.Empty(host.Services.GetRequiredService<IServiceStore>().VerifyBalances());
    }

    /// <summary>Posts each event and waits for at least one more delivery to <paramref name="to"/> before the next.</summary>
    private static async Task SendEach(FakeLineApi fake, HttpClient client, string to, IEnumerable<JsonObject> events)
    {
        foreach (var e in events)
        {
            var count = fake.Deliveries.Count(d => d.To == to);
            using var response = await FakeLineApi.PostAsync(client, events: e);
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} for {e.ToJsonString()[..Math.Min(200, e.ToJsonString().Length)]}");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (fake.Deliveries.Count(d => d.To == to) <= count)
            {
                var next = fake.NextChange(timeout.Token);
                if (fake.Deliveries.Count(d => d.To == to) > count)
                {
                    break;
                }

                try
                {
                    await next;
                }
                catch (OperationCanceledException)
                {
                    Assert.Fail("no reply to " + e.ToJsonString()[..Math.Min(300, e.ToJsonString().Length)]);
                }
            }
        }
    }

    private static (decimal Used, decimal Planned, int Entries, int People) Figures(WebApplicationFactory<Program> host)
    {
        var store = host.Services.GetRequiredService<IServiceStore>();
        var office = store.Offices().Single().Id;
        var projects = store.Projects(office, 2566);
        return (projects.Sum(p => store.Balance(p.Id).Actual.Total), projects.Sum(p => p.Plan.Total), (int)store.LedgerTotals().Entries, store.People(office).Count);
    }

    /// <summary>Long, invisible, right-to-left, emoji, overflowing and injection-looking text under every command word.</summary>
    private static IEnumerable<string> HostileInputs()
    {
        string[] bodies =
        [
            new string('ก', 4096), new string('x', 5001), "a\u0000b", "\u0001\u0002\u0003", "\u0007bell", "tab\there", "line\r\nbreak",
            "\u202Eสวัสดี", "\u200F\u200E\u200B", "\u200B", "\uFEFF/help", "\u2066x\u2069", "🙂🙂🙂", "👨‍👩‍👧‍👦", "🇹🇭",
            "1000000000000000000000000000000", "1e30", "1E-7", "NaN", "Infinity", "-0", "0x1F", "99999999999999999999.999",
            "๑๒๓4๕", "1,00,000", "2\u2009400", "2\u200B400", "7\u00A0100", "'; DROP TABLE ledger;--", "<script>alert(1)</script>",
            "{{7*7}}", "${jndi:ldap://127.0.0.1/a}", "../../etc/passwd", "%00%0a", "\\u0000", "null", "undefined", "[]", "{}",
            "/", "//", "/ /", "@budgetbot", "/spend@otherbot 7 100", "#7", "โครงการ", "โครงการที่ 99999", "p:", "p:forged",
            "\"quoted\"", "😀 บาท โครงการ 7", "100 บาท โครงการ -7", "ใช้ 5 บาท โครงการ ๗", "",
        ];
        string[] heads = ["", "/spend 7 ", "/balance ", "จ่าย ", "/progress 7 ", "/join ", "/plan 7 q2 "];
        foreach (var head in heads)
        {
            foreach (var body in bodies)
            {
                var text = head + body;
                if (text.Trim().Length > 0)
                {
                    yield return text;
                }
            }
        }
    }

    /// <summary>Amounts an admin might send that must all be refused (each with a date inside the fiscal year).</summary>
    private static IEnumerable<string> HostileAmounts()
    {
        string[] amounts = ["1000000000000000000000000000000", "79228162514264337593543950336", "10000000000.01", "20000 ล้าน", "1e30", "1E3", "NaN", "-0", "-500", "0", "0.00", "12.345", "1,00,000", "0x10", "2\u2009400", "2\u200B400", "๒\u200C๔๐๐", "1.2.3", "1..2", ",100", "100,", "∞", "½", "١٢٣"];
        foreach (var amount in amounts)
        {
            yield return $"/spend 7 {amount} 15/2/2566";
            yield return $"จ่าย 17 {amount} 15/2/2566 ค่าอาหารว่าง";
            if (amount is not ("0" or "0.00"))
            {
                yield return $"/plan 7 q2 {amount}"; // a zero plan is a real plan
            }
        }
    }

    /// <summary>Project numbers that are not this office's.</summary>
    private static IEnumerable<string> OtherOffices() =>
        ["/spend 50 100 15/2/2566", "/spend 0 100 15/2/2566", "/spend 99999 100 15/2/2566", "/spend -7 100 15/2/2566", "/balance 9999", "/history 9999", "/spend #999 100 15/2/2566", "/progress 9999 done", "/status 9999 done"];

    private static IEnumerable<string> ForgedButtons() =>
        ["p:0000000000", "p:" + new string('a', 500), "p:../../x", "undo:1", "cmd:/spend 7 100", "/spend 7 100 15/2/2566", "", "p:\u0000", "page:-1", "pick:7"];
}
