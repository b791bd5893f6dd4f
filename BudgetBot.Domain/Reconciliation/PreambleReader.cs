using System.Globalization;
using System.Text.RegularExpressions;
using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Reconciliation;

/// <summary>Reads the facts stated above the table: office, year, period, allocation rounds and the envelope split.</summary>
internal static partial class PreambleReader
{
    public static ReportPreamble Read(IEnumerable<ReportLine> lines)
    {
        var offices = new List<Mention<string>>();
        var years = new List<Mention<int>>();
        var rounds = new List<Mention<AllocationRound>>();
        var restated = new List<Mention<AllocationRound>>();
        var words = new List<Mention<(decimal, string)>>();
        var envelopes = new List<Mention<Envelope>>();
        Mention<decimal>? declaredTotal = null;
        DateOnly? start = null, end = null;

        foreach (var line in lines.Where(l => !l.IsBlank))
        {
            var text = ThaiDigits.ToAscii(line.Text);
            if (OfficePattern().IsMatch(text))
            {
                offices.Add(new(line.Number, Normalize(text)));
            }

            foreach (Match y in YearPattern().Matches(text))
            {
                years.Add(new(line.Number, int.Parse(y.Groups["y"].Value, CultureInfo.InvariantCulture)));
            }

            if (start is null && PeriodPattern().Match(text) is { Success: true } p)
            {
                var a = ThaiDate.Parse(p.Groups["a"].Value, default);
                var b = ThaiDate.Parse(p.Groups["b"].Value, default);
                if (a.IsOk && b.IsOk)
                {
                    (start, end) = (a.Value, b.Value);
                }
            }

            if (RoundPattern().Match(text) is { Success: true } r)
            {
                var amount = Amount(r.Groups["n"].Value);
                var letter = r.Groups["letter"].Success ? LetterRef.Parse(r.Groups["letter"].Value.Trim()) : null;
                rounds.Add(new(line.Number, new AllocationRound(Int(r.Groups["round"].Value), amount, letter)));
                if (r.Groups["words"].Success)
                {
                    words.Add(new(line.Number, (amount, r.Groups["words"].Value.Trim())));
                }
            }
            else if (RestatedRoundPattern().Match(text) is { Success: true } rr)
            {
                restated.Add(new(line.Number, new AllocationRound(Int(rr.Groups["round"].Value), Amount(rr.Groups["n"].Value), null)));
            }

            if (TotalPattern().Match(text) is { Success: true } t)
            {
                declaredTotal = new(line.Number, Amount(t.Groups["n"].Value));
            }

            ReadEnvelope(line.Number, text, envelopes);
        }

        return new ReportPreamble
        {
            OfficeNames = offices,
            FiscalYears = years,
            PeriodStart = start,
            PeriodEnd = end,
            Rounds = rounds,
            RestatedRounds = restated,
            AmountWords = words,
            DeclaredTotal = declaredTotal,
            Envelopes = envelopes,
        };
    }

    private static void ReadEnvelope(int lineNumber, string text, List<Mention<Envelope>> envelopes)
    {
        var parts = PartPattern().Matches(text)
            .Select(m => new EnvelopePart(
                $"ไตรมาส {m.Groups["q"].Value.Replace(" ", "", StringComparison.Ordinal)}{(m.Groups["note"].Success ? " " + m.Groups["note"].Value : "")}", Amount(m.Groups["n"].Value)))
            .ToList();

        if (RecurringPattern().Match(text) is { Success: true } rec)
        {
            envelopes.Add(new(lineNumber, new Envelope(EnvelopeKind.Recurring, Amount(rec.Groups["n"].Value), "งบประจำ") { Parts = parts }));
        }
        else if (ReservePattern().Match(text) is { Success: true } res)
        {
            envelopes.Add(new(lineNumber, new Envelope(EnvelopeKind.Reserve, Amount(res.Groups["n"].Value), "สำรองสำหรับกรณีเร่งด่วน")));
        }
        else if (ProjectsPattern().Match(text) is { Success: true } pro)
        {
            envelopes.Add(new(lineNumber, new Envelope(EnvelopeKind.Projects, Amount(pro.Groups["n"].Value), "ดำเนินโครงการ")));
        }
        else if (parts.Count > 0 && envelopes.Count > 0 && envelopes[^1].Value.Kind == EnvelopeKind.Recurring)
        {
            // A continuation line ("- ไตรมาส 3 - 4 (บางส่วน) ...") adds an instalment to the envelope above it.
            var last = envelopes[^1];
            envelopes[^1] = last with { Value = last.Value with { Parts = [.. last.Value.Parts, .. parts] } };
        }
    }

    private static string Normalize(string office) => MultiSpace().Replace(office.Trim(), " ");

    private static decimal Amount(string s) => Cells.Value(s);

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^สำนักงานเขตพื้นที่การศึกษา\S*(\s*เขต\s*[0-9]+)?$")]
    private static partial Regex OfficePattern();

    [GeneratedRegex(@"(?:ปีงบประมาณ\s*(?:พ\.ศ\.)?|งบประมาณ\s*พ\.ศ\.)\s*(?<y>[0-9]{4})")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"(?<a>[0-9]{1,2}\s*[\u0E00-\u0E7F.]+\s*[0-9]{4})\s*(?:ถึง|-|–)\s*(?<b>[0-9]{1,2}\s*[\u0E00-\u0E7F.]+\s*[0-9]{4})")]
    private static partial Regex PeriodPattern();

    [GeneratedRegex(@"ครั้งที่\s*(?<round>[0-9]+)\s*จำนวนงบประมาณ\s*(?<n>[0-9][0-9,.]*)\s*(?:\((?<words>[^)]*)\))?(?:.*?ตามหนังสือ\s*(?<letter>.*))?$")]
    private static partial Regex RoundPattern();

    [GeneratedRegex(@"ครั้งที่\s*(?<round>[0-9]+)\s*จำนวน\s*(?<n>[0-9][0-9,.]*)\s*บาท")]
    private static partial Regex RestatedRoundPattern();

    [GeneratedRegex(@"รวมงบประมาณที่ได้รับจัดสรรทั้งสิ้น\s*(?<n>[0-9][0-9,.]*)")]
    private static partial Regex TotalPattern();

    [GeneratedRegex(@"งบประจำ\s*จำนวน\s*(?<n>[0-9][0-9,.]*)")]
    private static partial Regex RecurringPattern();

    [GeneratedRegex(@"สำรอง\S*\s*จำนวน\s*(?<n>[0-9][0-9,.]*)")]
    private static partial Regex ReservePattern();

    [GeneratedRegex(@"ดำเนินโครงการ.*?จำนวน\s*(?<n>[0-9][0-9,.]*)")]
    private static partial Regex ProjectsPattern();

    [GeneratedRegex(@"ไตรมาส\s*(?<q>[0-9]\s*-\s*[0-9])\s*(?<note>\([^)]*\))?\s*จำนวน\s*(?<n>[0-9][0-9,.]*)")]
    private static partial Regex PartPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex MultiSpace();
}
