using System.Text.RegularExpressions;

namespace BudgetBot.Domain.Conversation.Parsing;

/// <summary>
/// What auditors ask of an entry, read from its note as people write it: an expense category (<c>ค่าวัสดุ</c>, or
/// <c>หมวด ค่าใช้สอย</c>, <c>category materials</c>) and a document number (<c>ฎีกา 123/2566</c>, <c>เลขที่ฎีกา 123</c>,
/// <c>doc 45</c>). The note itself is kept as written.
/// </summary>
public static partial class EntryTags
{
    /// <summary>The categories of งบดำเนินงาน and งบลงทุน (DOMAIN section 4), and the English words for them.</summary>
    private static readonly Dictionary<string, string> Categories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ค่าตอบแทน"] = "ค่าตอบแทน", ["remuneration"] = "ค่าตอบแทน",
        ["ค่าใช้สอย"] = "ค่าใช้สอย", ["services"] = "ค่าใช้สอย",
        ["ค่าวัสดุ"] = "ค่าวัสดุ", ["materials"] = "ค่าวัสดุ",
        ["ค่าสาธารณูปโภค"] = "ค่าสาธารณูปโภค", ["utilities"] = "ค่าสาธารณูปโภค",
        ["ค่าครุภัณฑ์"] = "ค่าครุภัณฑ์", ["equipment"] = "ค่าครุภัณฑ์",
        ["ค่าที่ดินและสิ่งก่อสร้าง"] = "ค่าที่ดินและสิ่งก่อสร้าง", ["construction"] = "ค่าที่ดินและสิ่งก่อสร้าง",
    };

    public static (string? Category, string? Document) Read(string note)
    {
        var tokens = note.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string? category = null;
        for (var i = 0; i < tokens.Length && category is null; i++)
        {
            var word = tokens[i] is "หมวด" or "category" && i + 1 < tokens.Length ? tokens[i + 1] : tokens[i];
            category = Categories.GetValueOrDefault(word);
        }

        return (category, Document().Match(note) is { Success: true } m ? m.Groups["doc"].Value : null);
    }

    [GeneratedRegex(@"(?:^|\s)(?:เลขที่ฎีกา|ฎีกา|doc|เลขที่เอกสาร)\s*:?\s*(?<doc>[^\s]*[0-9][^\s]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Document();
}
