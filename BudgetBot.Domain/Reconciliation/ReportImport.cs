namespace BudgetBot.Domain.Reconciliation;

/// <summary>Reads and reconciles a monitoring report; with <c>acceptRepairs</c> the offered repairs become the stored reading.</summary>
public static class ReportImport
{
    public static ImportResult Analyze(IReadOnlyList<ReportLine> lines, bool acceptRepairs)
    {
        var doc = ReportParser.Parse(lines);
        var facts = ReportFacts.Resolve(doc);
        var rowFindings = new List<Finding>();
        var readings = new Dictionary<ReportRow, RowFigures>();
        foreach (var row in doc.Rows)
        {
            var literal = RowChecks.Literal(row);
            var found = RowChecks.Shape(row).Concat(RowChecks.Arithmetic(row, literal, facts.LastQuarter)).ToList();
            var repair = found.Count > 0 ? RepairFinder.Find(row, literal, facts.LastQuarter) : null;
            rowFindings.AddRange(found.Select(f => f with { Repair = repair }));
            readings[row] = acceptRepairs && repair is not null ? repair.Figures : literal;
        }

        foreach (var duplicate in doc.Rows.GroupBy(r => r.Number).Where(g => g.Count() > 1))
        {
            rowFindings.Add(new Finding(duplicate.Key, duplicate.Last().Line, "duplicate-number",
                $"project number {duplicate.Key} appears {duplicate.Count()} times")
            {
                MessageTh = $"เลขที่โครงการ {duplicate.Key} ซ้ำ {duplicate.Count()} ครั้ง",
            });
        }

        // Report-level checks run on the stored reading, so their figures are the ones a later export shows.
        var findings = rowFindings.Concat(ReportChecks.Run(doc, facts, readings)).ToList();
        return new ImportResult(facts, doc, findings, readings, acceptRepairs);
    }
}
