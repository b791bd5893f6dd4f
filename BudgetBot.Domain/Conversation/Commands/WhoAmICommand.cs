namespace BudgetBot.Domain.Conversation.Commands;

/// <summary><c>/whoami</c>, <c>ฉันคือใคร</c>: the caller's identity, person, roles and language.</summary>
internal sealed class WhoAmICommand : ICommand
{
    public Intent Intent => Intent.WhoAmI;

    public bool OpenToStrangers => true;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        if (ctx.Person is null)
        {
            return [new Reply(say[$"{ctx.Message.Identity}: ยังไม่ได้ลงทะเบียน พิมพ์ /join รหัสเชิญ", $"{ctx.Message.Identity}: not registered yet. Type /join CODE."])];
        }

        var roles = ctx.Person.Roles.Select(r =>
        {
            var office = ctx.Budget.Office(r.OfficeId)?.Name ?? r.OfficeId;
            var scope = r.Scope is null ? "" : $" ({ctx.Budget.Divisions(r.OfficeId).FirstOrDefault(d => d.Id == r.Scope)?.Name ?? r.Scope})";
            return $"{RoleText.Name(say, r.Role)}{scope} — {office}";
        });
        var owned = ctx.Projects().Where(p => p.Owners.Contains(ctx.Person.Id)).Select(p => p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var lines = new List<string>
        {
            $"{ctx.Person.DisplayName} ({string.Join(", ", ctx.Person.Identities)})",
            say["บทบาท: ", "Roles: "] + string.Join("; ", roles),
        };
        if (owned.Count > 0)
        {
            lines.Add(say["โครงการที่รับผิดชอบ: ", "Your projects: "] + string.Join(", ", owned));
        }

        lines.Add(say["ภาษา: ไทย", "Language: English"]);
        return [new Reply(string.Join('\n', lines))];
    }
}
