using BudgetBot.Domain.Budget;
using BudgetBot.Host.Storage;
using BudgetBot.Tests.Conversation;

namespace BudgetBot.Tests.Security;

/// <summary>What a copy of the data dir, or another user on the server, could learn or use.</summary>
public sealed class PrivateDataTests
{
    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task DataDirAndItsFiles_AreForTheServiceUserOnly()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        var dir = Path.Combine(Seed.TempDir(), "data");
        await using (var host = await Host.HostProcess.StartAsync(dir, null))
        {
            using var client = new HttpClient { BaseAddress = host.Url };
            using var response = await client.PostAsync(new Uri("/playground/messages", UriKind.Relative),
                new StringContent("""{"identity":"local:executive","chat":"private","text":"กราฟ 7"}""", System.Text.Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
            await host.StopAsync();
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir));
        var files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("budgetbot.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("hangfire.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".png", StringComparison.Ordinal));
        Assert.All(files, f => Assert.True((File.GetUnixFileMode(f) & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite)) == 0, $"{f}: {File.GetUnixFileMode(f)}"));
    }

    [Fact]
    public void InviteCodes_AreNotStoredInClear()
    {
        var file = Path.Combine(Seed.TempDir(), "budgetbot.db");
        string code;
        using (var chat = new ChatFixtureOnFile(file))
        {
            var reply = chat.Say("local:admin", "/invite owner 7");
            code = System.Text.RegularExpressions.Regex.Match(reply, "/join ([A-Z0-9]{8})").Groups[1].Value;
            Assert.Equal(8, code.Length);
        }

        using (var db = new LiteDB.LiteDatabase(file))
        {
            var invites = db.GetCollection("invites").FindAll().Select(d => LiteDB.JsonSerializer.Serialize(d)).ToList();
            Assert.NotEmpty(invites);
            Assert.All(invites, d => Assert.DoesNotContain(code, d, StringComparison.Ordinal));
        }

        using var again = new ChatFixtureOnFile(file);
        Assert.Contains("ยินดีต้อนรับ", again.Say("telegram:4242", "/join " + code), StringComparison.Ordinal);
    }

    [Fact]
    public void Join_AfterFiveWrongCodes_IsRefusedForAnHour_EvenWithTheRightCode()
    {
        using var chat = new ChatFixture();
        var reply = chat.Say("local:admin", "/invite owner 7")[0].Text;
        var code = System.Text.RegularExpressions.Regex.Match(reply, "/join ([A-Z0-9]{8})").Groups[1].Value;

        for (var i = 0; i < 5; i++)
        {
            Assert.Contains("ใช้ไม่ได้", chat.Say("telegram:666", $"/join WRONG00{i}")[0].Text, StringComparison.Ordinal);
        }

        Assert.Contains("หลายครั้งเกินไป", chat.Say("telegram:666", "/join " + code)[0].Text, StringComparison.Ordinal);
        Assert.Contains("ยินดีต้อนรับ", chat.Say("telegram:666", "/join " + code, at: ChatFixture.Now.AddHours(1.1))[0].Text, StringComparison.Ordinal);
        Assert.Contains("ใช้ไม่ได้", chat.Say("telegram:667", "/join WRONG999")[0].Text, StringComparison.Ordinal);
    }

    /// <summary>The engine over a store in a real file, checkpointed when disposed, so the file holds everything written.</summary>
    private sealed class ChatFixtureOnFile : IDisposable
    {
        private readonly LiteDbBudgetStore _store;
        private readonly Domain.Conversation.ConversationEngine _engine;
        private int _next;

        public ChatFixtureOnFile(string file)
        {
            var isNew = !File.Exists(file);
            _store = new LiteDbBudgetStore(file);
            if (isNew)
            {
                var options = Microsoft.Extensions.Options.Options.Create(new global::BudgetBot.Host.Options.BudgetBotOptions { DemoReport = Seed.Path });
                new global::BudgetBot.Host.Demo.DemoData(_store, _store, new global::BudgetBot.Host.Reports.ReportFileReader(), options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<global::BudgetBot.Host.Demo.DemoData>.Instance).EnsureSeeded();
            }

            _engine = new Domain.Conversation.ConversationEngine(_store, _store, new Domain.Conversation.EngineSettings { TimeZone = TimeZoneInfo.Utc });
        }

        public string Say(string who, string text)
        {
            var (platform, user) = (who.Split(':')[0], who.Split(':')[1]);
            var message = new Domain.Conversation.IncomingMessage(platform, user, Domain.Conversation.ChatKind.Private, user, user, text, $"f{++_next}-{Guid.NewGuid():N}", ChatFixture.Now);
            return string.Join("\n", _engine.Handle(message).Select(r => r.Text));
        }

        public void Dispose() => _store.Dispose();
    }
}
