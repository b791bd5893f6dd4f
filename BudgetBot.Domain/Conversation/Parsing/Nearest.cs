namespace BudgetBot.Domain.Conversation.Parsing;

/// <summary>The command closest to a mistyped word, so an unknown-command reply can say what to type instead.</summary>
internal static class Nearest
{
    public static Intent? Command(string word)
    {
        var w = word.TrimStart('/').ToLowerInvariant();
        if (w.Length == 0)
        {
            return null;
        }

        var candidates = CommandWords.English.Select(e => (e.Key, e.Value)).Concat(CommandWords.Thai.Select(t => (Key: t.Word, Value: t.Intent)));
        var best = candidates
            .Select(c => (c.Value, Distance: Distance(w, c.Key.ToLowerInvariant()), c.Key.Length))
            .OrderBy(c => c.Distance)
            .First();
        return best.Distance <= Math.Max(1, best.Length / 3) ? best.Value : null;
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }

        return row[b.Length];
    }
}
