using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Conversation.Parsing;

namespace BudgetBot.Domain.Conversation;

/// <summary>Records spending after the guards: the fiscal year, the warning threshold and the hold that needs an admin.</summary>
public static class SpendFlow
{
    public static IReadOnlyList<Reply> Record(CommandContext ctx, Project project, decimal amount, DateOnly date, string note, string sourceKey, bool adminConfirmed)
    {
        var say = ctx.Say;
        if (!Access.CanRecord(ctx.Person, project))
        {
            return ctx.RefuseChange("spend", project,
                $"บันทึกการใช้จ่ายโครงการ {project.Number} ไม่ได้ เพราะไม่ใช่โครงการที่ท่านรับผิดชอบ",
                $"You cannot record spending on project {project.Number}: it is not one of your projects.");
        }

        var reference = CommitmentRef.In(note);
        if (reference is not null && date > FiscalCalendar.FiscalYearEnd(project.FiscalYear)
            && ctx.CommitmentsOf(project.OfficeId, project.FiscalYear).CarriedOne(project.Id, reference) is not null)
        {
            return CarryOverPayment(ctx, project, amount, date, note, reference, sourceKey);
        }

        if (!FiscalCalendar.Contains(project.FiscalYear, date))
        {
            var start = FiscalCalendar.FiscalYearStart(project.FiscalYear);
            var end = FiscalCalendar.FiscalYearEnd(project.FiscalYear);
            // When today is outside the project's year too (an old year's project), "no date" would not help: show one that works.
            var example = ctx.Today < start ? start : end;
            var hint = FiscalCalendar.Contains(project.FiscalYear, ctx.Today)
                ? say["พิมพ์วันที่ในช่วงนี้ หรือไม่ต้องใส่วันที่ (ใช้วันนี้)", "Give a date in that range, or none for today."]
                : say[$"พิมพ์วันที่ในช่วงนี้ เช่น จ่าย {project.Number} {Say.Baht(amount)} {ThaiDate.Short(example)}", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Give a date in that range, e.g. /spend {project.Number} {amount} {example:yyyy-MM-dd}")];
            return [new Reply(say[
                $"วันที่ {say.Date(date)} อยู่นอกปีงบประมาณ {project.FiscalYear} ({say.Date(start)} – {say.Date(end)}) ไม่ได้บันทึก {hint}",
                $"{say.Date(date)} is outside fiscal year {project.FiscalYear} ({say.Date(start)} – {say.Date(end)}); nothing recorded. {hint}"])];
        }

        if (ctx.ClosedPeriodGuard("spend", project, date, out var late) is { } closed)
        {
            return closed;
        }

        var guards = ctx.Settings.GuardsFor(project.OfficeId);
        var before = ctx.FiguresOf(project);
        var after = Figures.Percent(before.Used + amount, before.Allocation);
        if (after > guards.HoldPercent && !adminConfirmed)
        {
            var hold = new SpendToConfirm(ctx.NewId(), project.OfficeId, null, ctx.Message.At + ctx.Settings.ButtonLifetime, ByAdmin: true)
            {
                ProjectId = project.Id, Amount = amount, Date = date, Note = note, SourceKey = sourceKey, RequestedBy = ctx.Person?.Id,
            };
            ctx.Chat.SavePending(hold);
            ctx.Audit("spend", $"project {project.Number}: {amount} held over {guards.HoldPercent}%", refused: false);
            var askedAdmins = AskAdmins(ctx, project, amount, date, after, before, hold);
            var confirm = new Button(say["อนุมัติ (ผู้ดูแลระบบ)", "Approve (admin)"], hold.Payload);
            var reject = new Button(say["ไม่อนุมัติ", "Reject"], hold.RejectPayload);
            var whoThai = askedAdmins.Count > 0 ? $" ส่งคำขอถึง {string.Join(", ", askedAdmins)} (ผู้ดูแลระบบ) แล้ว" : " แต่ยังไม่มีผู้ดูแลระบบในระบบ โปรดแจ้งกลุ่มนโยบายและแผน";
            var whoEnglish = askedAdmins.Count > 0 ? $" Sent to the admins: {string.Join(", ", askedAdmins)}." : " There is no admin yet; please tell the planning group.";
            return [new Reply(say[
                $"ยังไม่ได้บันทึก: {Say.Baht(amount)} บาท จะทำให้{ProjectText.Title(say, project)} ใช้เกินงบ (ร้อยละ {Say.Rate(after)} ของ {Say.Baht(before.Allocation)} บาท) ต้องให้ผู้ดูแลระบบกดยืนยัน{whoThai}",
                $"Not recorded yet: {Say.Baht(amount)} baht would take {ProjectText.Title(say, project)} over its allocation ({Say.Percent(after)} of {Say.Baht(before.Allocation)} baht). An admin must confirm.{whoEnglish}"])
            {
                // An admin asking for it can confirm at once; anyone else waits for an admin.
                Buttons = Access.IsAdmin(ctx.Person, project.OfficeId) ? [[confirm, reject]] : [],
            }];
        }

        var by = ctx.Person?.Id ?? ctx.Message.Identity;
        var (category, document) = EntryTags.Read(note);
        var facts = new EntryFacts(category, document);
        var result = reference is null
            ? new Ledger(ctx.Budget).Spend(project.Id, amount, date, note, by, sourceKey, ctx.Message.At, facts)
            : new Ledger(ctx.Budget).SpendAgainst(project.Id, reference, amount, date, note, by, sourceKey, ctx.Message.At, facts);
        if (!result.IsOk)
        {
            return [new Reply(say["บันทึกไม่ได้: ", "Not recorded: "] + RefusalText.Why(say, result.Refusal!.Value))];
        }

        if (reference is not null)
        {
            ctx.CommitmentsChanged();
        }

        var figures = ctx.FiguresOf(project) with { Actual = result.Balance!.Actual };
        var lines = new List<string>
        {
            (result.Duplicate ? say["บันทึกไว้แล้ว ", "Already recorded: "] : say["บันทึกแล้ว ", "Recorded: "]) + ProjectText.Title(say, project),
            // The entry's number is what /receipt, /history and an admin's /reverse name it by.
            say[$"{Say.Baht(amount)} บาท ลงวันที่ {ThaiDate.Short(date)} (รายการ #{result.Entry!.Id})", $"{Say.Baht(amount)} baht dated {say.Date(date)} (entry #{result.Entry!.Id})"],
            ProjectText.Quarter(say, figures, FiscalCalendar.Quarter(date), project.FiscalYear),
            ProjectText.Used(say, figures),
        };
        if (late)
        {
            lines.Add(ctx.LateLine);
        }

        if (figures.Remaining < 0)
        {
            lines.Add(say[$"⚠ เบิกจ่ายเกินงบประมาณแล้ว (ร้อยละ {Say.Rate(figures.PercentUsed)} ของงบ)", $"⚠ The allocation is overspent ({Say.Percent(figures.PercentUsed)} of it used)."]);
        }
        else if (figures.PercentUsed > guards.WarnPercent)
        {
            lines.Add(say[$"⚠ เบิกจ่ายแล้วร้อยละ {Say.Rate(figures.PercentUsed)} ของงบประมาณ (เกินเกณฑ์เตือนร้อยละ {Say.Baht(guards.WarnPercent)})", $"⚠ {Say.Percent(figures.PercentUsed)} of the allocation is used (over the {Say.Baht(guards.WarnPercent)}% warning)."]);
        }

        if (!result.Duplicate)
        {
            ctx.Audit("spend", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"project {project.Number}: {amount} on {date:yyyy-MM-dd} entry {result.Entry!.Id}"), refused: false);
            var alerts = Reminders.ThresholdAlerts.Crossed(project, before, figures, () => ctx.Chat.People(project.OfficeId), [guards.WarnPercent, guards.HoldPercent]);
            Reminders.ThresholdAlerts.Enqueue(ctx.Chat, alerts, ctx.Message.At);
        }

        var undo = new UndoEntry(ctx.NewId(), project.OfficeId, result.Entry!.By, ctx.Message.At + ctx.Settings.UndoWindow, result.Entry.Id);
        ctx.Chat.SavePending(undo);
        // The card's note carries the warnings, which a phone must not miss; without any, the date the figures are as of.
        var warnings = lines.Skip(4).ToList();
        var card = Cards.Spend(say, lines[0], result.Entry, figures, FiscalCalendar.Quarter(date), project.FiscalYear, ctx.Today);
        return [new Reply(string.Join('\n', lines))
        {
            Card = warnings.Count > 0 ? card with { Note = string.Join('\n', warnings) } : card,
            Buttons = [[new Button(say["ยกเลิก", "Undo"], undo.Payload)]],
        }];
    }

    /// <summary>
    /// A payment after the year's end against a commitment carried over (<c>จ่าย 7/2566 … อ้างอิง …</c>): kept on the old
    /// year's carry-over line, never on the new year's figures nor the old year's quarters.
    /// </summary>
    private static IReadOnlyList<Reply> CarryOverPayment(CommandContext ctx, Project project, decimal amount, DateOnly date, string note, string reference, string sourceKey)
    {
        var say = ctx.Say;
        var draft = new BudgetEvent(project.OfficeId, project.FiscalYear, BudgetEventKind.CarryOverPaid, amount, date, ctx.Person?.Id ?? ctx.Message.Identity, sourceKey, ctx.Message.At)
        {
            To = project.Id,
            Reference = reference,
            Note = note,
        };
        var outcome = BudgetRules.PayCarryOver(ctx.Budget, draft);
        ctx.CommitmentsChanged();
        var title = $"{ProjectText.Title(say, project)}/{project.FiscalYear}";
        if (outcome.Status == BudgetStatus.NotEnough)
        {
            return [ctx.Text($"เงินกันเหลื่อมปีเลขที่ {reference} ของ{title} เหลือ {Say.Baht(outcome.Left)} บาท ไม่พอเบิก {Say.Baht(amount)} บาท ไม่ได้บันทึก", $"{reference} of {title} has {Say.Baht(outcome.Left)} baht carried over left, not {Say.Baht(amount)}; nothing was recorded.")];
        }

        if (outcome.Status == BudgetStatus.Applied)
        {
            ctx.Audit("spend", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"project {project.Number}/{project.FiscalYear}: {amount} on {date:yyyy-MM-dd} against carry-over {reference}"), refused: false);
        }

        return [new Reply(string.Join('\n',
            (outcome.Status == BudgetStatus.Duplicate ? say["บันทึกไว้แล้ว ", "Already recorded: "] : say["บันทึกเบิกจ่ายเงินกันเหลื่อมปีแล้ว ", "Carry-over payment recorded: "]) + title,
            say[$"{Say.Baht(amount)} บาท ลงวันที่ {ThaiDate.Short(date)} อ้างอิง {reference} (ไม่นับในปีงบประมาณ {FiscalCalendar.FiscalYearBE(date)})", $"{Say.Baht(amount)} baht dated {say.Date(date)}, ref {reference} (not counted in fiscal year {FiscalCalendar.FiscalYearBE(date)})"],
            say[$"เงินกันเหลื่อมปีเลขที่ {reference} คงเหลือ {Say.Baht(outcome.Left)} บาท", $"{reference}: {Say.Baht(outcome.Left)} baht of the carry-over left"]))];
    }

    /// <summary>Reverses an entry the caller made, within the undo window, and shows the new balance.</summary>
    public static IReadOnlyList<Reply> Undo(CommandContext ctx, LedgerEntry entry)
    {
        var say = ctx.Say;
        if (ctx.Message.At - entry.RecordedAt > ctx.Settings.UndoWindow)
        {
            return [new Reply(say[
                $"ยกเลิกไม่ได้: รายการนี้บันทึกเกิน {ctx.Settings.UndoWindow.TotalHours:0} ชั่วโมงแล้ว ติดต่อผู้ดูแลระบบเพื่อแก้ไข",
                $"Too late to undo: the entry is older than {ctx.Settings.UndoWindow.TotalHours:0} hours. Ask an admin to correct it."])];
        }

        var project = ctx.Budget.Project(entry.ProjectId)!;
        if (ctx.ClosedPeriodGuard("undo", project, entry.Date, out _) is { } closed)
        {
            return closed;
        }

        var result = new Ledger(ctx.Budget).Reverse(entry.Id, "ยกเลิก", ctx.Person!.Id, ctx.Message.SourceKey, ctx.Message.At);
        if (!result.IsOk)
        {
            return [ctx.Text("รายการนี้ถูกยกเลิกไปแล้ว", "That entry was already undone.")];
        }

        ctx.Audit("undo", $"entry {entry.Id} reversed by {result.Entry!.Id}", refused: false);
        var figures = Figures.Of(project, result.Balance!);
        return [new Reply(string.Join('\n',
            say[$"ยกเลิกแล้ว {Say.Baht(entry.Amount)} บาท ({say.Date(entry.Date)}) ", $"Undone: {Say.Baht(entry.Amount)} baht ({say.Date(entry.Date)}) "] + ProjectText.Title(say, project),
            ProjectText.Used(say, figures)))];
    }

    /// <summary>
    /// Tells every admin of the office about a held spend, with the confirm button, so it never waits unseen in
    /// someone's private chat; returns their names for the reply. The asker, if an admin, already has the button.
    /// </summary>
    private static List<string> AskAdmins(CommandContext ctx, Project project, decimal amount, DateOnly date, decimal after, Figures before, SpendToConfirm hold)
    {
        var admins = ctx.Chat.People(project.OfficeId).Where(p => Access.IsAdmin(p, project.OfficeId)).ToList();
        var asker = ctx.Person?.DisplayName ?? ctx.Message.DisplayName;
        foreach (var admin in admins.Where(a => a.Id != ctx.Person?.Id))
        {
            var say = new Say(admin.Language);
            var shortfall = amount - before.Available;
            var text = say[
                $"คำขออนุมัติ: {asker} บันทึก {Say.Baht(amount)} บาท ลงวันที่ {ThaiDate.Short(date)} ใน{ProjectText.Title(say, project)} ซึ่งจะใช้เกินงบ (ร้อยละ {Say.Rate(after)} ของ {Say.Baht(before.Allocation)} บาท) อนุมัติแล้วจะโอน {Say.Baht(shortfall)} บาท จากเงินสำรองให้โครงการนี้ด้วย",
                $"Please decide: {asker} records {Say.Baht(amount)} baht dated {say.Date(date)} on {ProjectText.Title(say, project)}, which takes it over its allocation ({Say.Percent(after)} of {Say.Baht(before.Allocation)} baht). Approving also moves {Say.Baht(shortfall)} baht from the reserve to the project."];
            var reply = new Reply(text) { Buttons = [[new Button(say["อนุมัติ (ผู้ดูแลระบบ)", "Approve (admin)"], hold.Payload), new Button(say["ไม่อนุมัติ", "Reject"], hold.RejectPayload)]] };
            ctx.Chat.Enqueue(new Ports.OutboxItem($"hold:{hold.Id}:{admin.Id}", "HoldConfirm", project.OfficeId, admin.Id, null, reply, ctx.Message.At));
        }

        return admins.Select(a => a.DisplayName).ToList();
    }
}
