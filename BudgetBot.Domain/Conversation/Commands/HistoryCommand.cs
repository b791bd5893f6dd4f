namespace BudgetBot.Domain.Conversation.Commands;

/// <summary><c>/history &lt;project&gt;</c>, <c>ประวัติ</c>: the project's latest ledger entries, reversals included.</summary>
internal sealed class HistoryCommand : ICommand
{
    public Intent Intent => Intent.History;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        var (project, stop) = ProjectPicker.Pick(ctx, ctx.Args, p => $"/history {p.Number}");
        if (project is null)
        {
            return stop!;
        }

        if (!Access.CanRead(ctx.Person, project))
        {
            return ctx.Refuse("history", $"project {project.Number}: not allowed", "ดูประวัติโครงการนี้ไม่ได้: ไม่ใช่โครงการของท่าน", "You cannot see this project's history: it is not yours.");
        }

        var entries = ctx.Budget.History(project.Id, ctx.Settings.PageSize);
        if (entries.Count == 0)
        {
            return [new Reply(say[$"{ProjectText.Title(say, project)} ยังไม่มีรายการ", $"{ProjectText.Title(say, project)} has no entries yet."])];
        }

        var lines = entries.Select(e =>
            $"#{e.Id} {say.Date(e.Date)} {(e.Amount < 0 ? "−" : "")}{Say.Baht(Math.Abs(e.Amount))} {e.Note}{(e.Reverses is { } r ? say[$" (ยกเลิก #{r})", $" (reverses #{r})"] : "")}");
        return [new Reply(ProjectText.Title(say, project) + "\n" + string.Join('\n', lines))];
    }
}
