using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary>
/// <c>/undo</c>, <c>ยกเลิก</c>: shows the caller's own latest entry (project, amount, date, note) with confirm and keep
/// buttons, and reverses it once on confirm. It reaches only an entry of the last 24 hours and never walks back further:
/// older entries are corrected by an admin, found with <c>/history</c>.
/// </summary>
internal sealed class UndoCommand : ICommand
{
    public Intent Intent => Intent.Undo;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        var last = ctx.Budget.LastEntryBy(ctx.Person!.Id);
        if (last is null || last.Reverses is not null || ctx.Budget.IsReversed(last.Id) || ctx.Message.At - last.RecordedAt > ctx.Settings.UndoWindow)
        {
            return [ctx.Text(
                $"ไม่มีรายการล่าสุดให้ยกเลิกแล้ว (ยกเลิกได้เฉพาะรายการของท่านใน {ctx.Settings.UndoWindow.TotalHours:0} ชั่วโมงที่ผ่านมา) รายการก่อนหน้าดูได้ด้วย /history เลขโครงการ และให้ผู้ดูแลระบบยกเลิกให้",
                $"There is nothing more to undo (only your own entry of the last {ctx.Settings.UndoWindow.TotalHours:0} hours). Older entries are in /history <project>; an admin can reverse them.")];
        }

        var project = ctx.Budget.Project(last.ProjectId)!;
        var undo = new UndoEntry(ctx.NewId(), project.OfficeId, ctx.Person.Id, ctx.Message.At + ctx.Settings.ButtonLifetime, last.Id);
        ctx.Chat.SavePending(undo);
        var note = last.Note.Length > 0 ? $" \"{last.Note}\"" : "";
        return [new Reply(say[
            $"ยกเลิกรายการนี้ใช่หรือไม่? {ProjectText.Title(say, project)} {Say.Baht(last.Amount)} บาท ลงวันที่ {ThaiDate.Short(last.Date)}{note} (รายการ #{last.Id})",
            $"Undo this entry? {ProjectText.Title(say, project)}, {Say.Baht(last.Amount)} baht dated {say.Date(last.Date)}{note} (entry #{last.Id})"])
        {
            Buttons = [[new Button(say["ยืนยันยกเลิก", "Undo it"], undo.Payload), new Button(say["ไม่ยกเลิก", "Keep it"], undo.RejectPayload)]],
        }];
    }
}
