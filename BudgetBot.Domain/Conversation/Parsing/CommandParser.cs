using System.Text.RegularExpressions;
using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Conversation.Parsing;

/// <summary>
/// Finds the intent of a message: <c>/cmd[@bot] args</c>, an English or Thai command word at the start, or a plain
/// sentence that reads as spending. In a group only commands, leading command words and mentions are answered.
/// </summary>
public static partial class CommandParser
{
    public static ParseOutcome Parse(string text, ChatKind chat, bool mentionsBot = false, string? botUsername = null)
    {
        var t = Clean(text, botUsername);
        if (t.Length == 0)
        {
            return new ParseOutcome.NotForUs();
        }

        if (t[0] == '/')
        {
            return Slash(t, botUsername);
        }

        var addressed = chat == ChatKind.Private || mentionsBot;
        if (LeadingWord(t) is { } command)
        {
            // "โครงการ 17 จ่ายค่าที่พัก 4,500 บาท": a sentence about spending that names its project first.
            return command.Intent == Intent.Projects && addressed && SpendSentence.Looks(t) ? new ParseOutcome.Command(Intent.Spend, t, Inferred: true) : command;
        }

        if (!addressed)
        {
            return new ParseOutcome.NotForUs();
        }

        // An amount in baht makes it a sentence about spending, even when the project is missing: the answer says so.
        if (SpendSentence.Looks(t) || SpendSentence.HasAmount(t))
        {
            return new ParseOutcome.Command(Intent.Spend, t, Inferred: true);
        }

        var first = t.Split(' ', 2)[0];
        return new ParseOutcome.Unknown(first, Nearest.Command(first));
    }

    private static ParseOutcome Slash(string t, string? botUsername)
    {
        var space = t.IndexOf(' ', StringComparison.Ordinal);
        var word = space < 0 ? t[1..] : t[1..space];
        var args = space < 0 ? "" : t[(space + 1)..].Trim();
        var at = word.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            var target = word[(at + 1)..];
            word = word[..at];
            if (botUsername is not null && !target.Equals(botUsername, StringComparison.OrdinalIgnoreCase))
            {
                return new ParseOutcome.NotForUs();
            }
        }

        return CommandWords.English.TryGetValue(word, out var intent)
            ? new ParseOutcome.Command(intent, args)
            : new ParseOutcome.Unknown("/" + word, Nearest.Command(word));
    }

    private static ParseOutcome.Command? LeadingWord(string t)
    {
        var space = t.IndexOf(' ', StringComparison.Ordinal);
        var first = space < 0 ? t : t[..space];
        if (CommandWords.English.TryGetValue(first, out var english))
        {
            return new ParseOutcome.Command(english, space < 0 ? "" : t[(space + 1)..].Trim());
        }

        foreach (var (word, intent) in CommandWords.Thai)
        {
            if (!t.StartsWith(word, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = t[word.Length..];
            // Thai has no spaces between words: "จ่าย 7" is a command, "จ่ายค่าอาหาร…" is a sentence to infer from. A
            // letter is read as officials write it, "ได้รับจัดสรรครั้งที่ 3 …".
            if (rest.Length == 0 || char.IsWhiteSpace(rest[0]) || rest[0] is '#' || char.IsAsciiDigit(rest[0]) || ThaiDigits.IsThaiDigit(rest[0])
                || (intent == Intent.Round && rest.StartsWith(RoundArgs.RoundWord, StringComparison.Ordinal)))
            {
                return new ParseOutcome.Command(intent, rest.Trim());
            }

            return null;
        }

        return null;
    }

    /// <summary>Collapses spaces (including the non-breaking ones phones insert) and drops a leading mention of the bot.</summary>
    private static string Clean(string text, string? botUsername)
    {
        var t = Spaces().Replace(text.Replace('\u00A0', ' ').Replace('\u200B', ' '), " ").Trim();
        if (botUsername is not null && t.StartsWith("@" + botUsername, StringComparison.OrdinalIgnoreCase))
        {
            t = t[(botUsername.Length + 1)..].Trim();
        }

        return t;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
