using System.Globalization;
using System.Text.RegularExpressions;
using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Conversation.Parsing;

/// <summary>Finds the project a user names: by number (<c>7</c>, <c>#7</c>, <c>โครงการ 7</c>, <c>โครงการที่ 7</c>) or by a unique part of its name.</summary>
public static partial class ProjectRefs
{
    /// <summary>A project number at the start of the tokens, and the index after it; null when the tokens do not start with one.</summary>
    public static (string? Number, int Next) Leading(IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0)
        {
            return (null, 0);
        }

        var first = ThaiDigits.ToAscii(tokens[0]);
        if (Numbered().Match(first) is { Success: true } m)
        {
            return (m.Groups["n"].Value, 1);
        }

        if (first is "โครงการ" or "โครงการที่" or "project" or "Project" && tokens.Count > 1 && Bare().IsMatch(ThaiDigits.ToAscii(tokens[1])))
        {
            return (ThaiDigits.ToAscii(tokens[1]).TrimStart('#'), 2);
        }

        return (null, 0);
    }

    /// <summary>The projects a reference can mean: one, several (ask which), or none.</summary>
    public static IReadOnlyList<Project> Resolve(string reference, IReadOnlyList<Project> projects)
    {
        var r = ThaiDigits.ToAscii(reference.Trim());
        var (number, next) = Leading(r.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (number is not null && next == r.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length)
        {
            var n = int.Parse(number.Split('/')[0], CultureInfo.InvariantCulture);
            var year = YearOf(number);
            return projects.Where(p => p.Number == n && (year is null || p.FiscalYear == year)).ToList();
        }

        if (r.Length < 2)
        {
            return [];
        }

        var exact = projects.Where(p => p.Name.Equals(r, StringComparison.OrdinalIgnoreCase)).ToList();
        return exact.Count > 0 ? exact : projects.Where(p => p.Name.Contains(r, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>The fiscal year a reference names, as in <c>7/2566</c> (an older year's project 7); null for the current year.</summary>
    public static int? YearOf(string reference)
    {
        var (number, _) = Leading(ThaiDigits.ToAscii(reference.Trim()).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return number?.Split('/') is [_, var year] ? int.Parse(year, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^(?:#|โครงการ(?:ที่)?)?(?<n>[0-9]{1,4}(?:/25[0-9]{2})?)$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^#?[0-9]{1,4}(?:/25[0-9]{2})?$")]
    private static partial Regex Bare();
}
