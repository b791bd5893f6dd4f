using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary>
/// <c>/invite &lt;role&gt; [project or division]</c>, <c>เชิญ</c>: an admin makes a single-use, expiring code;
/// <c>/invite me</c> makes one for linking the caller's other platform.
/// </summary>
internal sealed class InviteCommand : ICommand
{
    private static readonly Dictionary<string, Role> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["admin"] = Role.Admin, ["ผู้ดูแลระบบ"] = Role.Admin,
        ["executive"] = Role.Executive, ["ผู้บริหาร"] = Role.Executive,
        ["divisionhead"] = Role.DivisionHead, ["head"] = Role.DivisionHead, ["หัวหน้ากลุ่ม"] = Role.DivisionHead, ["ผู้อำนวยการกลุ่ม"] = Role.DivisionHead,
        ["owner"] = Role.Owner, ["ผู้รับผิดชอบ"] = Role.Owner, ["ผู้รับผิดชอบโครงการ"] = Role.Owner,
        ["auditor"] = Role.Auditor, ["ผู้ตรวจสอบ"] = Role.Auditor, ["ผู้ตรวจสอบภายใน"] = Role.Auditor,
    };

    public Intent Intent => Intent.Invite;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        var parts = ctx.Args.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var expires = ctx.Message.At + ctx.Settings.InviteLifetime;
        if (parts.Length > 0 && parts[0] is "me" or "ฉัน" or "link")
        {
            var link = new Invite(NewCode(), ctx.OfficeId!, Role.Owner, null, ctx.Person!.Id, expires) { LinkPersonId = ctx.Person.Id };
            ctx.Chat.SaveInvite(link);
            return [new Reply(say[
                $"รหัสเชื่อมบัญชี: {link.Code}\nพิมพ์ /join {link.Code} จากแอปแชตอีกแอปหนึ่งที่ต่อกับบอทนี้ ภายใน {say.Date(FiscalDate(expires, ctx))}",
                $"Link code: {link.Code}\nType /join {link.Code} from your other chat app connected to this bot before {say.Date(FiscalDate(expires, ctx))}."])];
        }

        if (!Access.IsAdmin(ctx.Person, ctx.OfficeId))
        {
            return ctx.Refuse("invite", ctx.Args, "เชิญผู้ใช้ใหม่ได้เฉพาะผู้ดูแลระบบ (พิมพ์ เชิญ ฉัน เพื่อเชื่อมบัญชีอีกแอปของท่าน)", "Only admins can invite people (type /invite me to link your other app).");
        }

        if (parts.Length == 0 || !Roles.TryGetValue(parts[0], out var role))
        {
            return [ctx.Text("พิมพ์เช่น เชิญ ผู้รับผิดชอบ 7 หรือ เชิญ หัวหน้ากลุ่ม กลุ่มอำนวยการ (ผู้ดูแลระบบ ผู้บริหาร หัวหน้ากลุ่ม/ผู้อำนวยการกลุ่ม ผู้รับผิดชอบ ผู้ตรวจสอบ/ผู้ตรวจสอบภายใน)",
                "Type e.g. /invite owner 7 or /invite divisionhead กลุ่มอำนวยการ (admin, executive, divisionhead, owner, auditor).")];
        }

        string? scope = null;
        string? scopeName = null;
        var target = parts.Length > 1 ? parts[1] : "";
        if (role == Role.Owner)
        {
            var (project, stop) = ProjectPicker.Pick(ctx, target, p => $"/invite owner {p.Number}");
            if (project is null)
            {
                return stop!;
            }

            scope = project.Id;
            scopeName = ProjectText.Title(say, project);
        }
        else if (role == Role.DivisionHead)
        {
            var division = Divisions.Find(ctx, target);
            if (division is null)
            {
                return [ctx.Text("ระบุกลุ่มด้วย เช่น เชิญ หัวหน้ากลุ่ม กลุ่มอำนวยการ", "Name the division, e.g. /invite divisionhead กลุ่มอำนวยการ")];
            }

            scope = division.Id;
            scopeName = division.Name;
        }

        var invite = new Invite(NewCode(), ctx.OfficeId!, role, scope, ctx.Person!.Id, expires);
        ctx.Chat.SaveInvite(invite);
        ctx.Audit("invite", $"{role} {scope}", refused: false);
        return [new Reply(say[
            $"รหัสเชิญ ({RoleText.Name(say, role)}{(scopeName is null ? "" : " " + scopeName)}): {invite.Code}\nส่งให้ผู้ได้รับเชิญพิมพ์ /join {invite.Code} ใช้ได้ครั้งเดียว ภายใน {say.Date(FiscalDate(expires, ctx))}",
            $"Invite code ({RoleText.Name(say, role)}{(scopeName is null ? "" : ", " + scopeName)}): {invite.Code}\nThe invitee types /join {invite.Code}; it works once, before {say.Date(FiscalDate(expires, ctx))}."])];
    }

    private static DateOnly FiscalDate(DateTimeOffset at, CommandContext ctx) => Calendar.FiscalCalendar.LocalDate(at, ctx.Settings.TimeZone);

    /// <summary>Eight letters and digits without look-alikes (0/O, 1/I), easy to read out over the phone.</summary>
    private static string NewCode()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var bytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(8);
        return new string(bytes.Select(b => alphabet[b % alphabet.Length]).ToArray());
    }
}
