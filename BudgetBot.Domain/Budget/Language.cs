namespace BudgetBot.Domain.Budget;

/// <summary>The language a person's replies are in: Thai unless they chose English.</summary>
public enum Language
{
    Thai,
    English,
}

public static class Languages
{
    /// <summary>The code stored with a person and given to platforms: <c>th</c> or <c>en</c>.</summary>
    public static string Code(this Language language) => language == Language.English ? "en" : "th";

    /// <summary>A code or a name a person may type, in either language; null for anything else.</summary>
    public static Language? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "en" or "english" or "อังกฤษ" => Language.English,
        "th" or "thai" or "ไทย" => Language.Thai,
        _ => null,
    };
}
