using System.Text.RegularExpressions;
using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Reconciliation;

/// <summary>
/// Offices named inside headings and progress notes, in full (สำนักงานเขตพื้นที่การศึกษาประถมศึกษาระยอง เขต 2) or short
/// (สพป.ระยอง เขต 2, สพ.ระยอง เขต 2): a report copied from another office's often keeps that office's name in its text.
/// </summary>
public static partial class OfficeMentions
{
    /// <summary>The province and area number of an office's full name; null when the name is not of that form.</summary>
    public static (string Province, int Area)? Parts(string officeName) =>
        Full().Match(officeName.Replace(" ", "", StringComparison.Ordinal)) is { Success: true } m ? (m.Groups["p"].Value, Number(m)) : null;

    /// <summary>Every office named in <paramref name="text"/> that is not the report's own office.</summary>
    public static IEnumerable<string> Others(string text, string officeName)
    {
        if (Parts(officeName) is not var (province, area))
        {
            yield break;
        }

        var squashed = ThaiDigits.ToAscii(text).Replace(" ", "", StringComparison.Ordinal);
        foreach (var m in Full().Matches(squashed).Concat(Short().Matches(squashed)))
        {
            if (m.Groups["p"].Value != province || Number(m) != area)
            {
                yield return m.Value;
            }
        }
    }

    private static int Number(Match m) => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"สำนักงานเขตพื้นที่การศึกษา(?:ประถมศึกษา|มัธยมศึกษา)(?<p>[\u0E00-\u0E4F]+?)เขต(?<n>[0-9]{1,2})")]
    private static partial Regex Full();

    [GeneratedRegex(@"สพ[ปม]?\.(?<p>[\u0E00-\u0E4F]+?)เขต(?<n>[0-9]{1,2})")]
    private static partial Regex Short();
}
