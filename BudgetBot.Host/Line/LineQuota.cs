using System.Globalization;
using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Messaging;
using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Line;

/// <summary>
/// LINE's monthly message quota: replies are free, pushes count. Read from LINE at start and every day (what the plan
/// allows, what the month has used), counted on between readings as pushes go out, shown in <c>/readyz</c>, and
/// warned about once a month at 80%. <see cref="BudgetBotOptions.Line"/>'s <c>MaxPushesPerMonth</c> caps pushes below
/// LINE's own limit: past it, pushes are set aside unsent (dead letters an admin may send again).
/// </summary>
internal sealed class LineQuota(ConversationEngine engine, IChatStore chat, MessageSignals signals, IOptions<BudgetBotOptions> options, TimeProvider clock, ILogger<LineQuota> logger)
    : IReadinessFigures
{
    public const decimal WarnPercent = 80;

    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _firstReading = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<string> _told = [];
    private Reading? _reading;
    private long _pushedSince;

    private sealed record Reading(long? Limit, long Used, string Month, DateTimeOffset At);

    public string Name => "lineQuota";

    /// <summary>Completes at the first reading from LINE: from then on <c>/readyz</c> and the dashboard show the figures.</summary>
    public Task FirstReading => _firstReading.Task;

    /// <summary>The month's figures for <c>/readyz</c>: LINE's limit (null: none), used (as read, plus pushes since), the cap.</summary>
    public object? Figures()
    {
        lock (_gate)
        {
            return _reading is not { } r
                ? null
                : new { limit = r.Limit, used = r.Used + _pushedSince, cap = options.Value.Line.MaxPushesPerMonth is > 0 and var cap ? cap : (int?)null, readAt = r.At };
        }
    }

    public string? Summary()
    {
        lock (_gate)
        {
            return _reading is not { } r
                ? null
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r.Used + _pushedSince:N0} / {(r.Limit is { } limit ? limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "no limit")}{(options.Value.Line.MaxPushesPerMonth is > 0 and var cap ? $" (cap {cap:N0})" : "")}");
        }
    }

    /// <summary>Takes a reading from LINE; warns the admins, once a month, when 80% of the limit or the cap is used.</summary>
    public void Read(long? limit, long used)
    {
        var month = Month();
        lock (_gate)
        {
            _reading = new Reading(limit, used, month, clock.GetUtcNow());
            _pushedSince = 0;
        }

        _firstReading.TrySetResult();

        Warn(used);
    }

    /// <summary>False while this month's pushes have reached the cap (the admins are told once).</summary>
    public bool MayPush()
    {
        var cap = options.Value.Line.MaxPushesPerMonth;
        if (cap <= 0)
        {
            return true;
        }

        var used = Used();
        if (used < cap)
        {
            return true;
        }

        TellAdmins("cap", $"⚠ ข้อความ LINE แบบ push ครบ {cap.ToString("#,##0", CultureInfo.InvariantCulture)} ข้อความตามที่ตั้งไว้สำหรับเดือนนี้แล้ว ข้อความ push ที่เหลือของเดือนนี้จะพักไว้ไม่ส่ง (ดูและส่งใหม่ได้ด้วยคำสั่ง dead-letters) ข้อความตอบกลับยังส่งได้ ปรับได้ที่ BudgetBot__Line__MaxPushesPerMonth");
        return false;
    }

    /// <summary>LINE refused a push for a used-up quota: the admins are told once a month, and the log.</summary>
    public void UsedUp()
    {
        Log.LineQuotaUsedUp(logger);
        TellAdmins("used-up", "⚠ โควตาข้อความ LINE ประจำเดือนหมดแล้ว ข้อความแบบ push จะพักไว้ไม่ส่ง (ดูและส่งใหม่ได้ด้วยคำสั่ง dead-letters เมื่อได้โควตาใหม่) ข้อความตอบกลับยังส่งได้");
    }

    /// <summary>A push went out: it counts until the next reading.</summary>
    public void Pushed(int messages)
    {
        lock (_gate)
        {
            _pushedSince += messages;
        }

        Warn(Used());
    }

    private long Used()
    {
        lock (_gate)
        {
            // A reading from an earlier month says nothing of this one's use: only the pushes counted since.
            return (_reading is { } r && r.Month == Month() ? r.Used : 0) + _pushedSince;
        }
    }

    private void Warn(long used)
    {
        long? limit;
        lock (_gate)
        {
            limit = _reading?.Limit;
        }

        var cap = options.Value.Line.MaxPushesPerMonth;
        var of = cap > 0 && (limit is null || cap < limit) ? cap : limit;
        if (of is > 0 and var full && used * 100 >= full * WarnPercent)
        {
            TellAdmins("80", $"⚠ ใช้โควตาข้อความ LINE เดือนนี้แล้ว {used.ToString("#,##0", CultureInfo.InvariantCulture)} จาก {full.ToString("#,##0", CultureInfo.InvariantCulture)} ข้อความ (ร้อยละ {Say.Rate(used * 100m / full)}) ข้อความตอบกลับไม่นับ ข้อความ push เช่น การแจ้งเตือน จะหยุดเมื่อครบ");
        }
    }

    /// <summary>One notice per admin per month and kind: the outbox key refuses a second.</summary>
    private void TellAdmins(string kind, string text)
    {
        var month = Month();
        lock (_gate)
        {
            // Asked on every push past the line: the store is asked once a month and kind.
            if (_told.Contains(kind + ":" + month))
            {
                return;
            }
        }

        // A notice over LINE is itself a push, held by the same cap; admins on other platforms still get it, and the log.
        Log.LineQuotaNotice(logger, text);
        // The admins known as people, and the configured first admins who have not written yet (their private chat).
        var admins = engine.Admins();
        var firstAdmins = options.Value.Admins.Where(identity => chat.PersonByIdentity(identity) is null).ToList();
        if (admins.Count + firstAdmins.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            _told.Add(kind + ":" + month);
        }

        foreach (var person in admins)
        {
            chat.Enqueue(new OutboxItem($"line-quota-{kind}:{month}:{person.Id}", "LineQuota", "", person.Id, null, new Reply(text), clock.GetUtcNow()));
        }

        foreach (var identity in firstAdmins)
        {
            chat.Enqueue(new OutboxItem($"line-quota-{kind}:{month}:{identity}", "LineQuota", "", null, identity, new Reply(text), clock.GetUtcNow()));
        }

        signals.WakeSenders();
    }

    private string Month() => clock.GetUtcNow().ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
