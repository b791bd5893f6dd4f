namespace BudgetBot.Domain.Conversation.Commands;

/// <summary>
/// <c>/undo</c>, <c>ยกเลิก</c>: reverses the caller's own latest entry, once, within the undo window. It never walks
/// back further: older entries are corrected by an admin, found with <c>/history</c>.
/// </summary>
internal sealed class UndoCommand : ICommand
{
    public Intent Intent => Intent.Undo;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var last = ctx.Budget.LastEntryBy(ctx.Person!.Id);
        return last is null || last.Reverses is not null || ctx.Budget.IsReversed(last.Id)
            ? [ctx.Text(
                "ไม่มีรายการล่าสุดให้ยกเลิกแล้ว รายการก่อนหน้าดูได้ด้วย /history เลขโครงการ และให้ผู้ดูแลระบบยกเลิกให้",
                "There is nothing more to undo. Older entries are in /history <project>; an admin can reverse them.")]
            : SpendFlow.Undo(ctx, last);
    }
}
