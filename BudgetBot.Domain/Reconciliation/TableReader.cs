using System.Text.RegularExpressions;
using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Reconciliation;

/// <summary>Reads the report's table: header rows repeated on every page, division headings, project rows, the total row.</summary>
internal static partial class TableReader
{
    public static bool IsHeader(ReportLine line) => line.Cells.Count > 0 && line.Cells[0].Trim() == "ที่";

    public static (IReadOnlyList<ReportSection> Sections, ReportRow? Total) Read(IEnumerable<ReportLine> tableLines)
    {
        var sections = new List<ReportSection>();
        ReportRow? total = null;
        var current = new List<ReportRow>();
        (int Line, string Name, int? Count)? heading = null;

        void Close()
        {
            if (heading is { } h)
            {
                sections.Add(new ReportSection(h.Line, h.Name, h.Count, current));
            }
            else if (current.Count > 0)
            {
                sections.Add(new ReportSection(current[0].Line, "", null, current));
            }

            current = [];
        }

        foreach (var line in tableLines)
        {
            if (line.IsBlank || IsHeader(line) || IsSubHeader(line))
            {
                continue;
            }

            var first = line.Cells[0].Trim();
            if (total is not null)
            {
                // Below the total row come notes such as the amount in words: not a division of the table.
                continue;
            }

            if (Cells.Integer(first) is { } number)
            {
                current.Add(ProjectRow(line, number));
            }
            else if (first.StartsWith("รวม", StringComparison.Ordinal))
            {
                total = TotalRow(line);
            }
            else if (first.Length > 0)
            {
                Close();
                var m = SectionPattern().Match(ThaiDigits.ToAscii(first));
                heading = m.Success
                    ? (line.Number, m.Groups["name"].Value.Trim(), int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture))
                    : (line.Number, first, null);
            }
        }

        Close();
        return (sections, total);
    }

    private static bool IsSubHeader(ReportLine line) =>
        line.Cells.Any(c => c.Trim().StartsWith("ไตรมาส", StringComparison.Ordinal) || c.Trim() == "แผน");

    private static ReportRow ProjectRow(ReportLine line, int number)
    {
        var rest = line.Cells.Skip(2).ToList();
        while (rest.Count > 0 && Cells.IsBlank(rest[^1]))
        {
            rest.RemoveAt(rest.Count - 1);
        }

        var progress = "";
        if (rest.Count > 0 && !Cells.IsNumber(rest[^1]))
        {
            progress = rest[^1].Trim();
            rest.RemoveAt(rest.Count - 1);
        }

        var name = line.Cells.Count > 1 ? line.Cells[1].Trim() : "";
        return new ReportRow(line.Number, number, name, rest, progress);
    }

    private static ReportRow TotalRow(ReportLine line)
    {
        var figures = Enumerable.Range(2, RowFigures.Slots)
            .Select(i => i < line.Cells.Count ? line.Cells[i] : "")
            .ToList();
        return new ReportRow(line.Number, null, line.Cells[0].Trim(), figures, "");
    }

    [GeneratedRegex(@"^(?<name>.*?)\s*(?<n>[0-9]+)\s*โครงการ$")]
    private static partial Regex SectionPattern();
}
