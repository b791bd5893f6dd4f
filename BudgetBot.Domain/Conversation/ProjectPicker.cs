using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Conversation.Parsing;

namespace BudgetBot.Domain.Conversation;

/// <summary>Resolves a project reference for a command; several matches become buttons that run the command again with the number.</summary>
public static class ProjectPicker
{
    public static (Project? Project, IReadOnlyList<Reply>? Stop) Pick(CommandContext ctx, string reference, Func<Project, string> commandFor)
    {
        var say = ctx.Say;
        if (string.IsNullOrWhiteSpace(reference))
        {
            return (null, [ctx.Text("ระบุโครงการด้วย เช่น 7, #7 หรือ โครงการ 7", "Name a project, e.g. 7, #7 or โครงการ 7.")]);
        }

        var all = ProjectRefs.Resolve(reference, ctx.Projects());
        var matches = all.Where(p => Access.CanRead(ctx.Person, p) || Access.CanRecord(ctx.Person, p)).ToList();
        if (matches.Count == 0 && all.Count > 0)
        {
            ctx.Audit("project", $"{reference}: not allowed", refused: true);
            return (null, [new Reply(say[
                $"โครงการ \"{reference}\" ไม่ใช่โครงการที่ท่านรับผิดชอบ พิมพ์ /projects เพื่อดูโครงการของท่าน",
                $"Project \"{reference}\" is not one of your projects. Type /projects to see yours."])]);
        }

        switch (matches.Count)
        {
            case 1:
                return (matches[0], null);
            case 0:
                return (null, [new Reply(say[$"ไม่พบโครงการ \"{reference}\" พิมพ์ /projects เพื่อดูรายการ", $"No project \"{reference}\". Type /projects to see the list."])]);
            default:
                var buttons = matches.Take(8).Select(p => (IReadOnlyList<Button>)[new Button($"{p.Number} {Short(p.Name)}", Pending(ctx, commandFor(p)))]).ToList();
                return (null, [new Reply(say[$"พบ {matches.Count} โครงการ เลือกหนึ่งโครงการ:", $"{matches.Count} projects match; pick one:"]) { Buttons = buttons }]);
        }
    }

    /// <summary>A button that runs a command text for the same person.</summary>
    public static string Pending(CommandContext ctx, string commandText)
    {
        var action = new RunCommand(ctx.NewId(), ctx.OfficeId ?? "", ctx.Person?.Id, ctx.Message.At + ctx.Settings.ButtonLifetime, commandText);
        ctx.Chat.SavePending(action);
        return action.Payload;
    }

    private static string Short(string name) => name.Length <= 40 ? name : name[..40] + "…";
}
