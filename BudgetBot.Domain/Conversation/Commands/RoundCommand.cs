using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Conversation.Parsing;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary>
/// <c>/round &lt;amount&gt; &lt;letter no&gt; &lt;letter date&gt; [recurring|reserve|projects]</c>, <c>จัดสรร</c>: an admin
/// records a further allocation letter. The year's total and one envelope (the projects' unless another is named)
/// grow, and the report's preamble lists the round like the imported ones.
/// </summary>
internal sealed class RoundCommand : ICommand
{
    private const string Example = "จัดสรร 500,000 ศธ 04006/ว 1234 15 มิ.ย. 66 โครงการ";

    public Intent Intent => Intent.Round;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        if (!Access.IsAdmin(ctx.Person, ctx.OfficeId))
        {
            return ctx.Refuse("round", "not allowed", "เฉพาะผู้ดูแลระบบ (กลุ่มนโยบายและแผน) บันทึกหนังสือจัดสรรได้", "Only an admin (policy and planning) can record an allocation letter.");
        }

        var year = ctx.Budget.FiscalYear(ctx.OfficeId!, ctx.FiscalYear);
        if (year is null)
        {
            return [ctx.Text($"ยังไม่มีปีงบประมาณ {ctx.FiscalYear} ให้นำเข้ารายงานของปีนี้ก่อน", $"Fiscal year {ctx.FiscalYear} is not set up yet: import its report first.")];
        }

        var parsed = RoundArgs.Parse(ctx.Args, ctx.Today);
        var problem = Problem(ctx, parsed, year);
        if (problem is not null)
        {
            return [problem];
        }

        var letter = LetterRef.Parse($"ที่ {parsed.Letter} ลงวันที่ {ThaiDate.Long(parsed.Date)}");
        var draft = new BudgetEvent(ctx.OfficeId!, ctx.FiscalYear, BudgetEventKind.Round, parsed.Amount, parsed.Date, ctx.Person!.Id, ctx.Message.SourceKey, ctx.Message.At)
        {
            Round = new AllocationRound(0, parsed.Amount, letter),
            Envelope = parsed.Envelope,
        };
        var outcome = BudgetRules.Round(ctx.Budget, draft);
        if (outcome.Event is not { Round: { } round } recorded)
        {
            return [ctx.Text($"ยังไม่มีปีงบประมาณ {ctx.FiscalYear}", $"Fiscal year {ctx.FiscalYear} is not set up yet.")];
        }

        if (outcome.Status == BudgetStatus.Applied)
        {
            ctx.Audit("round", $"round {round.Number}: {recorded.Amount} {letter.Raw} -> {recorded.Envelope}", refused: false);
        }

        var now = ctx.Budget.FiscalYear(ctx.OfficeId!, ctx.FiscalYear)!;
        var envelope = EnvelopeName(say, recorded.Envelope ?? EnvelopeKind.Projects);
        return [new Reply(string.Join('\n',
            say[$"บันทึกการจัดสรรครั้งที่ {round.Number} จำนวน {Say.Baht(recorded.Amount)} บาท ตามหนังสือ{letter.Raw} เข้า{envelope}แล้ว",
                $"Recorded round {round.Number}: {Say.Baht(recorded.Amount)} baht, letter {parsed.Letter} of {say.Date(parsed.Date)}, into the {envelope}."],
            say[$"รวมได้รับจัดสรรทั้งปี {Say.Baht(now.Received)} บาท ({now.Rounds.Count} ครั้ง)", $"Received this year: {Say.Baht(now.Received)} baht ({Say.Count(now.Rounds.Count, "round")})"],
            say[$"{envelope}: {Say.Baht(now.EnvelopeAmount(recorded.Envelope ?? EnvelopeKind.Projects))} บาท", $"{envelope}: {Say.Baht(now.EnvelopeAmount(recorded.Envelope ?? EnvelopeKind.Projects))} baht"]))];
    }

    private static Reply? Problem(CommandContext ctx, RoundParse parsed, FiscalYearBudget year)
    {
        var next = year.Rounds.Count == 0 ? 1 : year.Rounds.Max(r => r.Number) + 1;
        return parsed.Problem switch
        {
            RoundProblem.Amount => ctx.Text($"จำนวนเงินไม่ถูกต้อง ({AmountWhy.Thai(parsed.AmountError)}) ไม่ได้บันทึกอะไร พิมพ์เช่น {Example}", $"That amount is not valid ({AmountWhy.English(parsed.AmountError)}); nothing was recorded. Type e.g. /round 500000 ศธ 04006/ว 1234 15/6/2566 projects"),
            RoundProblem.Letter => ctx.Text($"ไม่พบเลขที่หนังสือ ไม่ได้บันทึกอะไร พิมพ์เช่น {Example}", "The letter number is missing; nothing was recorded. Type e.g. /round 500000 ศธ 04006/ว 1234 15/6/2566 projects"),
            RoundProblem.Date => ctx.Text($"ไม่พบวันที่ของหนังสือ หรือวันที่ไม่มีจริง ไม่ได้บันทึกอะไร พิมพ์เช่น {Example}", "The letter's date is missing or is not a real date; nothing was recorded. Type e.g. /round 500000 ศธ 04006/ว 1234 15/6/2566 projects"),
            RoundProblem.Shape => ctx.Text($"พิมพ์จำนวนเงิน เลขที่หนังสือ และวันที่หนังสือ เช่น {Example} (งบ: โครงการ สำรอง หรือ ประจำ)", "Type the amount, the letter number and its date, e.g. /round 500000 ศธ 04006/ว 1234 15/6/2566 projects (envelope: projects, reserve or recurring)"),
            _ when parsed.Amount <= 0 => ctx.Text($"จำนวนเงินต้องมากกว่า 0 ไม่ได้บันทึกอะไร พิมพ์เช่น {Example}", "The amount must be more than 0; nothing was recorded."),
            _ when parsed.Date > ctx.Today => ctx.Text($"วันที่หนังสือ {ThaiDate.Short(parsed.Date)} ยังมาไม่ถึง ไม่ได้บันทึกอะไร", $"The letter's date {ctx.Say.Date(parsed.Date)} is in the future; nothing was recorded."),
            _ when parsed.Date < FiscalCalendar.FiscalYearStart(year.FiscalYear).AddMonths(-3) || parsed.Date > FiscalCalendar.FiscalYearEnd(year.FiscalYear) =>
                ctx.Text($"วันที่หนังสือ {ThaiDate.Short(parsed.Date)} ไม่อยู่ในปีงบประมาณ {year.FiscalYear} ไม่ได้บันทึกอะไร", $"The letter's date {ctx.Say.Date(parsed.Date)} is not in fiscal year {year.FiscalYear}; nothing was recorded."),
            _ when parsed.StatedRound is { } stated && stated != next && !Redelivered(ctx, stated) =>
                ctx.Text($"ครั้งถัดไปของปีนี้คือครั้งที่ {next} (บันทึกไว้แล้ว {year.Rounds.Count} ครั้ง) ไม่ได้บันทึกอะไร", $"This year's next round is round {next} ({Say.Count(year.Rounds.Count, "round")} recorded); nothing was recorded."),
            _ => null,
        };
    }

    /// <summary>The same message again finds its round recorded under the number it stated.</summary>
    private static bool Redelivered(CommandContext ctx, int stated) =>
        ctx.Budget.BudgetEventBySource(ctx.OfficeId!, ctx.Message.SourceKey)?.Round?.Number == stated;

    private static string EnvelopeName(Say say, EnvelopeKind kind) => kind switch
    {
        EnvelopeKind.Recurring => say["งบประจำ", "recurring envelope"],
        EnvelopeKind.Reserve => say["เงินสำรอง", "reserve"],
        _ => say["งบโครงการ", "projects envelope"],
    };
}
