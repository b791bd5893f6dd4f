using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Conversation;
using BudgetBot.Host.Demo;
using BudgetBot.Host.Options;
using BudgetBot.Host.Reports;
using BudgetBot.Host.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace BudgetBot.Tests.Conversation;

/// <summary>The demo office and its demo people in a real store (LiteDB in memory unless a test asks for PostgreSQL), with the engine every channel uses.</summary>
internal sealed class ChatFixture : IDisposable
{
    /// <summary>20 Feb 2566, 10:00 in Bangkok: inside the demo office's fiscal year, in Q2.</summary>
    public static readonly DateTimeOffset Now = new(2023, 2, 20, 3, 0, 0, TimeSpan.Zero);

    private int _next;

    public ChatFixture(EngineSettings? settings = null, Storage.StoreKind kind = Storage.StoreKind.LiteDb)
        : this(Storage.Stores.Open(kind), settings)
    {
    }

    /// <summary>Around a store the test opened (a data file, say).</summary>
    public ChatFixture(IServiceStore store, EngineSettings? settings = null)
    {
        Store = store;
        var options = Microsoft.Extensions.Options.Options.Create(new BudgetBotOptions { DemoReport = Seed.Path });
        new DemoData(Store, Store, new ReportFileReader(), options, new FixedClock(Now), NullLogger<DemoData>.Instance).EnsureSeeded();
        OfficeId = Store.Offices()[0].Id;
        Settings = settings ?? new EngineSettings { TimeZone = TimeZoneInfo.CreateCustomTimeZone("Asia/Bangkok", TimeSpan.FromHours(7), "ICT", "ICT"), BotUsername = "budgetbot" };
        Engine = new ConversationEngine(Store, Store, Settings);
    }

    public IServiceStore Store { get; }

    public string OfficeId { get; }

    public EngineSettings Settings { get; }

    public ConversationEngine Engine { get; }

    public IncomingMessage Message(string who, string text, ChatKind chat = ChatKind.Private, DateTimeOffset? at = null, string? chatId = null)
    {
        var (platform, user) = (who.Split(':')[0], who.Split(':')[1]);
        return new IncomingMessage(platform, chatId ?? user, chat, user, user, text, $"m{Interlocked.Increment(ref _next)}", at ?? Now);
    }

    public IReadOnlyList<Reply> Say(string who, string text, ChatKind chat = ChatKind.Private, DateTimeOffset? at = null) =>
        Engine.Handle(Message(who, text, chat, at));

    /// <summary><c>/undo</c> and its confirm button, as a person undoes an entry.</summary>
    public IReadOnlyList<Reply> Undo(string who, string text = "/undo", DateTimeOffset? at = null)
    {
        var asked = Say(who, text, at: at);
        return asked[0].AllButtons.FirstOrDefault() is { } confirm ? Tap(who, confirm, at) : asked;
    }

    public IReadOnlyList<Reply> Tap(string who, Button button, DateTimeOffset? at = null) =>
        Engine.Handle(Message(who, "", at: at) with { ButtonPayload = button.Payload });

    public Figures Figures(int project)
    {
        var p = Store.Project(Project.KeyFor(OfficeId, 2566, project))!;
        return Domain.Budget.Figures.Of(p, Store.Balance(p.Id));
    }

    public decimal OfficeUsed => Store.Projects(OfficeId, 2566).Sum(p => Store.Balance(p.Id).Actual.Total);

    public void Dispose() => Store.Dispose();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
