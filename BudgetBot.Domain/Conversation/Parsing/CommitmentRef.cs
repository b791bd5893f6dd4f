using System.Text.RegularExpressions;

namespace BudgetBot.Domain.Conversation.Parsing;

/// <summary>The commitment a payment names in its note: <c>ref 12/2566</c> or <c>อ้างอิง 12/2566</c>.</summary>
public static partial class CommitmentRef
{
    public static string? In(string note) => Pattern().Match(note) is { Success: true } m ? m.Groups["ref"].Value : null;

    [GeneratedRegex(@"(?:^|\s)(?:ref|อ้างอิง)\s*:?\s+(?<ref>\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
