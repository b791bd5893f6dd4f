using BudgetBot.Domain.Budget;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary><c>/join &lt;code&gt;</c>, <c>เข้าร่วม</c>: links the caller's platform identity to a person with the invite's role.</summary>
internal sealed class JoinCommand : ICommand
{
    /// <summary>Wrong codes one identity may try in <see cref="Window"/>: enough for typos, far too few to guess a code.</summary>
    public const int MaxFailures = 5;

    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<DateTimeOffset>> _failures = new();

    public Intent Intent => Intent.Join;

    public bool OpenToStrangers => true;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        var code = ctx.Args.Trim().ToUpperInvariant();
        if (code.Length == 0)
        {
            return [ctx.Text("พิมพ์ /join ตามด้วยรหัสเชิญ เช่น /join ABCD2345", "Type /join and the invite code, e.g. /join ABCD2345")];
        }

        var identity = ctx.Message.Identity;
        if (RecentFailures(identity, ctx.Message.At) >= MaxFailures)
        {
            return ctx.Refuse("join", "too many wrong codes", "ลองรหัสผิดหลายครั้งเกินไป กรุณารอ 1 ชั่วโมงแล้วลองใหม่ หรือขอรหัสใหม่จากผู้ดูแลระบบ", "Too many wrong codes. Please wait an hour and try again, or ask an admin for a new code.");
        }

        var invite = ctx.Chat.TakeInvite(code, ctx.Message.At);
        if (invite is null)
        {
            Fail(identity, ctx.Message.At);
            // The code typed is not audited: a near miss of a real code should not sit in the audit trail.
            return ctx.Refuse("join", "code not accepted", "รหัสนี้ใช้ไม่ได้ (ผิด ใช้แล้ว หรือหมดอายุ) ขอรหัสใหม่จากผู้ดูแลระบบ", "That code does not work (wrong, used or expired). Ask an admin for a new one.");
        }

        if (invite.LinkPersonId is { } personId)
        {
            var owner = ctx.Chat.Person(personId)!;
            if (ctx.Person is not null && ctx.Person.Id != personId)
            {
                return [ctx.Text("บัญชีนี้เชื่อมกับผู้ใช้อื่นอยู่แล้ว", "This account is already linked to someone else.")];
            }

            ctx.Chat.SavePerson(owner with { Identities = [.. owner.Identities.Append(identity).Distinct()] });
            return [new Reply(say[$"เชื่อมบัญชีนี้กับ {owner.DisplayName} แล้ว", $"This account is now linked to {owner.DisplayName}."])];
        }

        var person = ctx.Person ?? new Person("person-" + Guid.NewGuid().ToString("N")[..10], ctx.Message.DisplayName) { Identities = [identity] };
        var grant = new RoleGrant(invite.OfficeId, invite.Role, invite.Role == Role.Owner ? null : invite.Scope);
        person = person with { Roles = [.. person.Roles.Where(r => r != grant), grant] };
        ctx.Chat.SavePerson(person);
        if (invite.Role == Role.Owner && invite.Scope is { } projectId && ctx.Budget.Project(projectId) is { } project)
        {
            ctx.Budget.SaveProject(project with { Owners = [.. project.Owners.Append(person.Id).Distinct()] });
        }

        ctx.Chat.Audit(new Ports.AuditRecord(invite.OfficeId, person.Id, "join", $"{invite.Role} {invite.Scope}", ctx.Message.SourceKey, ctx.Message.At, false));
        var office = ctx.Budget.Office(invite.OfficeId)?.Name ?? invite.OfficeId;
        return [new Reply(say[$"ยินดีต้อนรับ {person.DisplayName} เข้าร่วม {office} พิมพ์ /help เพื่อดูคำสั่ง", $"Welcome {person.DisplayName} to {office}. Type /help for commands."])];
    }

    private int RecentFailures(string identity, DateTimeOffset at)
    {
        if (!_failures.TryGetValue(identity, out var times))
        {
            return 0;
        }

        lock (times)
        {
            times.RemoveAll(t => t <= at - Window);
            if (times.Count == 0)
            {
                _failures.TryRemove(identity, out _);
            }

            return times.Count;
        }
    }

    private void Fail(string identity, DateTimeOffset at)
    {
        var times = _failures.GetOrAdd(identity, _ => []);
        lock (times)
        {
            times.Add(at);
        }
    }
}
