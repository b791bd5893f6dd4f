using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Conversation;

/// <summary>Text in the reader's language (Thai unless they chose English), with the product's number and date forms.</summary>
public readonly record struct Say(Budget.Language Language)
{
    public bool English => Language == Budget.Language.English;

    public string this[string thai, string english] => English ? english : thai;

    /// <summary><c>23,100</c> or <c>23,100.50</c>: chat replies drop ".00" to stay short on a phone.</summary>
    public static string Baht(decimal amount) => decimal.Truncate(amount) == amount
        ? amount.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture)
        : ThaiAmount.FormatNumber(amount);

    /// <summary><c>56.3%</c>, <c>1,773.7%</c>: one decimal, with separators as amounts have them.</summary>
    public static string Percent(decimal percent) => Rate(percent) + "%";

    /// <summary>The number of a percentage alone, for Thai text that says <c>ร้อยละ 56.3</c>.</summary>
    public static string Rate(decimal percent) => decimal.Round(percent, 1, MidpointRounding.AwayFromZero).ToString("#,##0.0", System.Globalization.CultureInfo.InvariantCulture);

    public string Date(DateOnly date) => English
        ? date.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture) + $" (BE {date.Year + FiscalCalendar.BuddhistEraOffset})"
        : ThaiDate.Short(date);

    public string Unit => English ? "baht" : "บาท";

    /// <summary>English count with its noun: <c>1 project</c>, <c>2 projects</c>.</summary>
    public static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
