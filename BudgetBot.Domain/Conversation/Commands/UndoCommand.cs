namespace BudgetBot.Domain.Conversation.Commands;

/// <summary><c>/undo</c>, <c>ยกเลิก</c>: reverses the caller's own last entry within the undo window.</summary>
internal sealed class UndoCommand : ICommand
{
    public Intent Intent => Intent.Undo;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var last = ctx.Budget.LastEntryBy(ctx.Person!.Id);
        return last is null
            ? [ctx.Text("ไม่มีรายการของท่านที่ยกเลิกได้", "You have no entry to undo.")]
            : SpendFlow.Undo(ctx, last);
    }
}
