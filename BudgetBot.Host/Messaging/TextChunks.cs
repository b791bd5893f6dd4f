namespace BudgetBot.Host.Messaging;

/// <summary>Splits text for a platform's limit in UTF-16 units: at a line break where it can, never inside a surrogate pair or an HTML entity.</summary>
internal static class TextChunks
{
    public static List<string> Split(string text, int max)
    {
        var parts = new List<string>();
        while (text.Length > max)
        {
            var cut = text.LastIndexOf('\n', max - 1);
            if (cut <= 0)
            {
                cut = max;
                var amp = text.LastIndexOf('&', cut - 1, Math.Min(8, cut));
                if (amp >= 0 && text.IndexOf(';', amp) >= cut)
                {
                    cut = amp;
                }

                if (char.IsHighSurrogate(text[cut - 1]))
                {
                    cut--;
                }
            }

            parts.Add(text[..cut]);
            text = text[cut..].TrimStart('\n');
        }

        if (text.Length > 0 || parts.Count == 0)
        {
            parts.Add(text);
        }

        return parts;
    }
}
