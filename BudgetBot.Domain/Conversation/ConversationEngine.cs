using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Conversation.Commands;
using BudgetBot.Domain.Conversation.Parsing;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Domain.Conversation;

/// <summary>
/// The one engine every channel uses: a message in, reply values out. It resolves the person, reads the intent,
/// checks the role and runs one command. A message seen before has no second effect and gets the same replies again,
/// so a channel that crashed before queueing them can ask again; the outbox's keys keep them from going out twice.
/// </summary>
public sealed class ConversationEngine(IBudgetStore budget, IChatStore chat, EngineSettings settings)
{
    private readonly IReadOnlyDictionary<Intent, ICommand> _commands = CommandSet.All().ToDictionary(c => c.Intent);

    /// <summary>A chat got a new id on its platform (a group that was upgraded): its subscription follows it, the old id is off.</summary>
    public void ChatMoved(ChatAddress from, ChatAddress to)
    {
        if (chat.Subscription(from.ToString()) is { } subscription)
        {
            chat.SaveSubscription(subscription with { ChatKey = to.ToString() });
            chat.SaveSubscription(subscription with { Kind = SubscriptionKind.Off });
        }
    }

    /// <summary>Every admin of every office, once each: who hears of a message or a send set aside after failing.</summary>
    public IReadOnlyList<Person> Admins() =>
        budget.Offices().SelectMany(o => chat.People(o.Id).Where(p => Access.IsAdmin(p, o.Id))).DistinctBy(p => p.Id).ToList();

    public IReadOnlyList<Reply> Handle(IncomingMessage message)
    {
        if (chat.HandledReplies(message.SourceKey) is { } before)
        {
            return before;
        }

        var refusal = InputRefusal(message);
        message = message with
        {
            Text = InputText.Clean(message.Text),
            DisplayName = InputText.Clean(message.DisplayName) is { Length: > 0 } name ? name[..Math.Min(name.Length, 100)] : message.UserId,
            ButtonPayload = message.ButtonPayload is { } raw ? InputText.Clean(raw) : null,
        };
        var person = ResolvePerson(message);
        var stranger = person is null && !IsJoin(message);
        IReadOnlyList<Reply> replies = stranger && (AnsweredRecently(message) || TooManyStrangers(message.At))
            ? []
            : refusal is not null
            ? [new Reply(new Say(person?.Language ?? Language.Thai)[refusal.Value.Thai, refusal.Value.English])]
            : message.ButtonPayload is { } payload
                ? new ButtonHandler(this, budget, chat, settings).Handle(message, person, payload)
                : message.Photo is { } photo
                ? Photo(message, person, photo)
                : Route(message, person, message.Text);
        if (stranger && replies.Count > 0)
        {
            var self = new ChatAddress(message.Platform, message.UserId);
            chat.SaveChatState((chat.ChatState(self) ?? new ChatState(self, false, message.At)) with { StrangerAnsweredAt = message.At });
            lock (_strangersAnswered)
            {
                _strangersAnswered.Enqueue(message.At);
            }
        }

        chat.MarkHandled(message.SourceKey, message.At, replies);
        return replies;
    }

    /// <summary>How long someone not registered waits for a second answer: a stranger's flood costs one reply a day.</summary>
    public static readonly TimeSpan StrangerQuiet = TimeSpan.FromHours(24);

    /// <summary>How many people not registered are answered a minute at most; beyond that they are read and not answered.</summary>
    public const int StrangersPerMinute = 20;

    /// <summary>When strangers were answered in the last minute (this engine's own; each host answers its share).</summary>
    private readonly Queue<DateTimeOffset> _strangersAnswered = new();

    /// <summary>True when <see cref="StrangersPerMinute"/> strangers were answered in the minute before <paramref name="at"/>: many new identities at once are a flood, not an office.</summary>
    private bool TooManyStrangers(DateTimeOffset at)
    {
        lock (_strangersAnswered)
        {
            while (_strangersAnswered.Count > 0 && (at - _strangersAnswered.Peek() >= TimeSpan.FromMinutes(1) || _strangersAnswered.Peek() > at))
            {
                _strangersAnswered.Dequeue();
            }

            return _strangersAnswered.Count >= StrangersPerMinute;
        }
    }

    /// <summary>True when this unregistered sender was answered in the last day: this message goes unanswered and unaudited.</summary>
    private bool AnsweredRecently(IncomingMessage message) =>
        chat.ChatState(new ChatAddress(message.Platform, message.UserId))?.StrangerAnsweredAt is { } told && message.At >= told && message.At - told < StrangerQuiet;

    /// <summary><c>/join</c> is always read, however often: it is how someone not registered registers.</summary>
    private bool IsJoin(IncomingMessage message) =>
        message.ButtonPayload is null && CommandParser.Parse(message.Text, message.ChatKind, message.MentionsBot, settings.BotUsername) is ParseOutcome.Command { Intent: Intent.Join };

    /// <summary>Text no command may read: longer than a platform allows, or a number with a hidden space inside.</summary>
    private static (string Thai, string English)? InputRefusal(IncomingMessage message)
    {
        if (message.Text.Length > InputText.MaxLength || message.ButtonPayload?.Length > InputText.MaxLength)
        {
            return ("ข้อความยาวเกิน 5,000 ตัวอักษร ไม่ได้บันทึกอะไร กรุณาส่งให้สั้นลง",
                "The message is longer than 5,000 characters; nothing was recorded. Please send a shorter one.");
        }

        if (message.ButtonPayload is null && message.ChatKind == ChatKind.Private && !string.IsNullOrWhiteSpace(message.Text) && InputText.Clean(message.Text).Trim().Length == 0)
        {
            return ("ข้อความนี้ไม่มีตัวอักษรที่อ่านได้ พิมพ์ /help เพื่อดูคำสั่งทั้งหมด", "That message has no readable characters. Type /help for all commands.");
        }

        if (InputText.HidesSpaceInNumber(message.Text))
        {
            return ("ตัวเลขในข้อความมีช่องว่างที่มองไม่เห็นคั่นอยู่ จึงไม่แน่ใจว่าเป็นจำนวนเท่าใด ไม่ได้บันทึกอะไร พิมพ์ตัวเลขติดกันใหม่ เช่น 2400 หรือ 2,400",
                "A number in the message has an invisible space inside it, so its value is unclear; nothing was recorded. Type it again without spaces, e.g. 2400 or 2,400.");
        }

        return null;
    }

    /// <summary>Runs a command text for a person; buttons that page or pick come back through here.</summary>
    internal IReadOnlyList<Reply> Route(IncomingMessage message, Person? person, string text)
    {
        var outcome = CommandParser.Parse(text, message.ChatKind, message.MentionsBot, settings.BotUsername);
        var say = new Say(person?.Language ?? Language.Thai);
        switch (outcome)
        {
            case ParseOutcome.Command command:
                var handler = _commands[command.Intent];
                var ctx = new CommandContext(message, person, command.Args, command.Inferred, budget, chat, settings);
                if (person is null && !handler.OpenToStrangers)
                {
                    ctx.Audit(command.Intent.ToString(), "not registered", refused: true);
                    return [new Reply(say[
                        "ยังไม่ได้ลงทะเบียนกับ BudgetBot ขอรหัสเชิญจากผู้ดูแลระบบ แล้วพิมพ์ /join รหัส",
                        "You are not registered with BudgetBot yet. Ask an admin for an invite code, then type /join CODE."])];
                }

                return handler.Run(ctx);
            case ParseOutcome.Unknown unknown:
                var hint = unknown.Suggestion is { } s
                    ? say[$"หมายถึง {CommandWords.Command(s)} ({CommandWords.ThaiWord(s)}) หรือไม่? ", $"Did you mean {CommandWords.Command(s)} ({CommandWords.ThaiWord(s)})? "]
                    : "";
                // The word is quoted back so people see what was read; a long one is cut, so a pasted page is not echoed.
                var word = unknown.Word.Length > 30 ? unknown.Word[..30] + "…" : unknown.Word;
                return [new Reply(say[$"ไม่เข้าใจ \"{word}\" {hint}พิมพ์ /help เพื่อดูคำสั่งทั้งหมด", $"I don't understand \"{word}\". {hint}Type /help for all commands."])];
            default:
                return [];
        }
    }

    /// <summary>A photo is a receipt, for people who record spending; a stranger's is answered as any other message of theirs.</summary>
    private IReadOnlyList<Reply> Photo(IncomingMessage message, Person? person, string photo) =>
        person is null
            ? message.ChatKind == ChatKind.Private ? Route(message, null, CommandWords.Command(Intent.Receipt)) : []
            : ReceiptCommand.Attach(new CommandContext(message, person, "", false, budget, chat, settings), photo);

    /// <summary>A known identity, or a configured first admin, who becomes admin of every office on first contact.</summary>
    private Person? ResolvePerson(IncomingMessage message)
    {
        var known = chat.PersonByIdentity(message.Identity);
        if (known is not null || !settings.Admins.Contains(message.Identity))
        {
            return known;
        }

        var admin = new Person("person-" + Guid.NewGuid().ToString("N")[..10], message.DisplayName)
        {
            Identities = [message.Identity],
            Roles = budget.Offices().Select(o => new RoleGrant(o.Id, Role.Admin, null)).ToList(),
        };
        chat.SavePerson(admin);
        return admin;
    }
}
