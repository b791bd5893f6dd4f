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

        var (cleanReference, page) = PageOf(reference);
        reference = cleanReference;
        // "7/2566" names an older year's project; a plain number is the current year's.
        var year = ProjectRefs.YearOf(reference);
        var all = ProjectRefs.Resolve(reference, year is { } y && y != ctx.FiscalYear && ctx.OfficeId is not null ? ctx.Budget.Projects(ctx.OfficeId, y) : ctx.Projects());
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
                var pages = (matches.Count + PageSize - 1) / PageSize;
                page = Math.Clamp(page, 1, pages);
                var buttons = matches.Skip((page - 1) * PageSize).Take(PageSize)
                    .Select(p => (IReadOnlyList<Button>)[new Button($"{p.Number} {Short(p.Name)}", Pending(ctx, commandFor(p)))]).ToList();
                var turn = new List<Button>();
                if (page > 1)
                {
                    turn.Add(new Button(say["◀ ก่อนหน้า", "◀ Previous"], Pending(ctx, OnPage(commandFor(matches[0]), matches[0], reference, page - 1))));
                }

                if (page < pages)
                {
                    turn.Add(new Button(say["ถัดไป ▶", "Next ▶"], Pending(ctx, OnPage(commandFor(matches[0]), matches[0], reference, page + 1))));
                }

                if (turn.Count > 0)
                {
                    buttons.Add(turn);
                }

                var head = pages > 1
                    ? say[$"พบ {matches.Count} โครงการ (หน้า {page}/{pages}) เลือกหนึ่งโครงการ หรือพิมพ์ชื่อให้ยาวขึ้นเพื่อให้เหลือน้อยลง:", $"{Say.Count(matches.Count, "project")} match (page {page}/{pages}); pick one, or type more of the name to narrow it:"]
                    : say[$"พบ {matches.Count} โครงการ เลือกหนึ่งโครงการ:", $"{Say.Count(matches.Count, "project")} match; pick one:"];
                return (null, [new Reply(head) { Buttons = buttons }]);
        }
    }

    private const int PageSize = 8;

    /// <summary>A name fragment may carry the page of its choices, as <c>ประชุม (หน้า2)</c>: the paging buttons run that.</summary>
    private static (string Reference, int Page) PageOf(string reference)
    {
        var m = System.Text.RegularExpressions.Regex.Match(reference, @"\s*\(หน้า(?<n>[0-9]{1,3})\)\s*$");
        return m.Success ? (reference[..m.Index], int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)) : (reference, 1);
    }

    /// <summary>The same command with the project number replaced by the fragment and a page: a command's text for one choice names it by number.</summary>
    private static string OnPage(string commandForOne, Project one, string reference, int page)
    {
        var tokens = commandForOne.Split(' ').ToList();
        var at = tokens.IndexOf(one.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        tokens[at] = $"{reference} (หน้า{page})";
        return string.Join(' ', tokens);
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
