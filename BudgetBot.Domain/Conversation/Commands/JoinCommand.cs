using BudgetBot.Domain.Budget;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary><c>/join &lt;code&gt;</c>, <c>เข้าร่วม</c>: links the caller's platform identity to a person with the invite's role.</summary>
internal sealed class JoinCommand : ICommand
{
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

        var invite = ctx.Chat.TakeInvite(code, ctx.Message.At);
        if (invite is null)
        {
            return ctx.Refuse("join", code, "รหัสนี้ใช้ไม่ได้ (ผิด ใช้แล้ว หรือหมดอายุ) ขอรหัสใหม่จากผู้ดูแลระบบ", "That code does not work (wrong, used or expired). Ask an admin for a new one.");
        }

        var identity = ctx.Message.Identity;
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
}
