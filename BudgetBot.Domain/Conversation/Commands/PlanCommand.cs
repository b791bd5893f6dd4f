using System.Text.RegularExpressions;
using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Conversation.Parsing;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary><c>/plan &lt;project&gt; &lt;q1..q4&gt; &lt;amount&gt;</c>, <c>แผน</c>: admins set a quarter's plan.</summary>
internal sealed partial class PlanCommand : ICommand
{
    public Intent Intent => Intent.Plan;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        var m = Pattern().Match(ThaiDigits.ToAscii(ctx.Args));
        if (!m.Success)
        {
            return [ctx.Text("พิมพ์เช่น แผน 7 q2 40,000 (โครงการ ไตรมาส จำนวนเงิน)", "Type e.g. /plan 7 q2 40000 (project, quarter, amount).")];
        }

        var amount = ThaiAmount.Parse(m.Groups["amount"].Value);
        if (!amount.IsOk)
        {
            return [new Reply(say[$"จำนวนเงินไม่ถูกต้อง: {AmountWhy.Thai(amount.Error.ToString())}", $"That amount is not valid: {AmountWhy.English(amount.Error.ToString())}."])];
        }

        var (project, stop) = ProjectPicker.Pick(ctx, m.Groups["project"].Value, p => $"/plan {p.Number} q{m.Groups["q"].Value} {amount.Value}");
        if (project is null)
        {
            return stop!;
        }

        if (!Access.IsAdmin(ctx.Person, project.OfficeId))
        {
            return ctx.Refuse("plan", $"project {project.Number}: not allowed", "เฉพาะผู้ดูแลระบบ (กลุ่มนโยบายและแผน) กำหนดแผนได้", "Only an admin (policy and planning) can set plans.");
        }

        var quarter = int.Parse(m.Groups["q"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var updated = project with { Plan = project.Plan.With(quarter, amount.Value) };
        if (updated.Plan.Total > updated.Allocation && updated.Plan.Total > project.Plan.Total)
        {
            // Plans never promise more than the allocation: move money to the project first.
            var over = updated.Plan.Total - updated.Allocation;
            return [ctx.Text(
                $"ไม่ได้บันทึก: แผนทั้งปีจะเป็น {Say.Baht(updated.Plan.Total)} บาท เกินงบที่ได้รับจัดสรร {Say.Baht(updated.Allocation)} บาท อยู่ {Say.Baht(over)} บาท ตั้งแผนไตรมาส {quarter} ได้ไม่เกิน {Say.Baht(Math.Max(amount.Value - over, 0))} บาท หรือโอนงบเพิ่มก่อนด้วย โอน",
                $"Not saved: the year's plans would be {Say.Baht(updated.Plan.Total)} baht, {Say.Baht(over)} over the allocation of {Say.Baht(updated.Allocation)}. Q{quarter} can be at most {Say.Baht(Math.Max(amount.Value - over, 0))} baht, or move money to the project first with /transfer.")];
        }

        ctx.Budget.SaveProject(updated);
        ctx.Audit("plan", $"project {project.Number} Q{quarter}: {project.Plan[quarter]} -> {amount.Value}", refused: false);
        var lines = new List<string>
        {
            say[$"ตั้งแผนไตรมาส {quarter} ของ{ProjectText.Title(say, project)} เป็น {Say.Baht(amount.Value)} บาท", $"Set the Q{quarter} plan of {ProjectText.Title(say, project)} to {Say.Baht(amount.Value)} baht."],
            say[$"แผนทั้งปี {Say.Baht(updated.Plan.Total)} / งบ {Say.Baht(updated.Allocation)} บาท", $"Plans for the year {Say.Baht(updated.Plan.Total)} / allocation {Say.Baht(updated.Allocation)} baht"],
        };
        if (updated.Plan.Total != updated.Allocation)
        {
            lines.Add(say["⚠ แผนรวมไม่เท่ากับงบที่ได้รับจัดสรร", "⚠ The quarter plans do not add up to the allocation."]);
        }

        return [new Reply(string.Join('\n', lines))];
    }

    [GeneratedRegex(@"^(?<project>.+?)\s+(?:q|Q|ไตรมาส\s*)(?<q>[1-4])\s+(?<amount>.+)$")]
    private static partial Regex Pattern();
}
