namespace BudgetBot.Domain.Conversation.Commands;

/// <summary>
/// <c>/history &lt;project&gt;</c>, <c>ประวัติ</c>: the project's ledger entries, newest first, a page at a time, each with
/// who recorded it and the entry a reversal cancels. <c>/audit</c> gives the whole trail as a file.
/// </summary>
internal sealed class HistoryCommand : ICommand
{
    public Intent Intent => Intent.History;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        var (args, page) = Paging.Split(ctx.Args);
        var (project, stop) = ProjectPicker.Pick(ctx, args, p => $"/history {p.Number}");
        if (project is null)
        {
            return stop!;
        }

        if (!Access.CanRead(ctx.Person, project))
        {
            return ctx.Refuse("history", $"project {project.Number}: not allowed", "ดูประวัติโครงการนี้ไม่ได้: ไม่ใช่โครงการของท่าน", "You cannot see this project's history: it is not yours.");
        }

        var entries = ctx.Budget.Ledger(project.OfficeId, project.FiscalYear, project.Id).Reverse().ToList();
        if (entries.Count == 0)
        {
            return [new Reply(say[$"{ProjectText.Title(say, project)} ยังไม่มีรายการ", $"{ProjectText.Title(say, project)} has no entries yet."])];
        }

        var (shown, buttons) = Paging.Page(ctx, entries, page, $"/history {project.Number}");
        var receipts = ctx.Chat.Receipts(project.OfficeId, project.FiscalYear).ToLookup(r => r.EntryId);
        var names = new Dictionary<string, string>();
        string Who(string by) => names.TryGetValue(by, out var n) ? n : names[by] = by == Reconciliation.SnapshotBuilder.ImportActor
            ? say["นำเข้าจากรายงาน", "imported report"]
            : ctx.Chat.Person(by)?.DisplayName ?? by;
        var lines = shown.Select(e =>
            $"#{e.Id} {say.Date(e.Date)} {(e.Amount < 0 ? "−" : "")}{Say.Baht(Math.Abs(e.Amount))} {e.Note}{(e.Reverses is { } r ? say[$" (ยกเลิก #{r})", $" (reverses #{r})"] : e.Amount < 0 ? say[" (คืนเงิน)", " (refund)"] : "")}{Facts(say, e)} — {Who(e.By)}{(receipts.Contains(e.Id) ? " 📎" : "")}");
        static string Facts(Say say, Budget.LedgerEntry e) =>
            e.Category is null && e.Document is null ? "" : " [" + string.Join(" · ", new[] { e.Category, e.Document is { } d ? say[$"ฎีกา {d}", $"doc {d}"] : null }.OfType<string>()) + "]";
        var head = ProjectText.Title(say, project) + say[$" ({entries.Count} รายการ)", $" ({entries.Count} entries)"];
        // Each receipt shown opens from a button; the links open that entry's receipts only.
        return [new Reply(head + "\n" + string.Join('\n', lines)) { Buttons = [.. ReceiptLinks.Buttons(ctx, project, shown.Select(e => e.Id), receipts), .. buttons] }];
    }
}
