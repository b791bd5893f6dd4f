using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Conversation.Parsing;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary><c>/progress &lt;project&gt; &lt;text&gt;</c>, <c>ความก้าวหน้า</c>: a dated progress note.</summary>
internal sealed class ProgressCommand : ICommand
{
    public Intent Intent => Intent.Progress;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var tokens = ctx.Args.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (number, next) = ProjectRefs.Leading(tokens);
        var text = string.Join(' ', tokens.Skip(next));
        if (number is null || text.Length == 0)
        {
            return [ctx.Text("พิมพ์เช่น ความก้าวหน้า 7 จัดประชุมคณะกรรมการแล้ว", "Type e.g. /progress 7 committee meeting held")];
        }

        var (project, stop) = ProjectPicker.Pick(ctx, number, p => $"/progress {p.Number} {text}");
        if (project is null)
        {
            return stop!;
        }

        if (!Access.CanRecord(ctx.Person, project))
        {
            return ctx.RefuseChange("progress", project, "บันทึกความก้าวหน้าได้เฉพาะโครงการของท่าน", "You can record progress only on your own projects.");
        }

        var note = new ProgressNote(ctx.Today, text, ctx.Person!.Id);
        ctx.Budget.SaveProject(project with { Notes = [.. project.Notes, note] });
        ctx.Audit("progress", $"project {project.Number}: {text}", refused: false);
        return [new Reply(ctx.Say[$"บันทึกความก้าวหน้า{ProjectText.Title(ctx.Say, project)} ({ctx.Say.Date(ctx.Today)}) แล้ว", $"Progress noted for {ProjectText.Title(ctx.Say, project)} ({ctx.Say.Date(ctx.Today)})."])];
    }
}
