namespace BudgetBot.Host.Cli;

/// <summary>A verb's words: positional arguments, <c>--flag</c> switches and <c>--name value</c> options.</summary>
internal sealed class CliArgs
{
    private static readonly HashSet<string> ValueOptions = ["--data-dir", "--fiscal-year", "--round", "--office", "--as", "--chat", "--at", "--retry", "--to", "--connection"];

    public List<string> Positional { get; } = [];

    public HashSet<string> Flags { get; } = [];

    public Dictionary<string, string> Options { get; } = [];

    public string? Error { get; private set; }

    public static CliArgs Parse(IEnumerable<string> words)
    {
        var parsed = new CliArgs();
        using var e = words.GetEnumerator();
        while (e.MoveNext())
        {
            var w = e.Current;
            if (ValueOptions.Contains(w))
            {
                if (!e.MoveNext())
                {
                    parsed.Error = $"{w} needs a value";
                    break;
                }

                parsed.Options[w] = e.Current;
            }
            else if (w.StartsWith("--", StringComparison.Ordinal))
            {
                parsed.Flags.Add(w);
            }
            else
            {
                parsed.Positional.Add(w);
            }
        }

        return parsed;
    }

    public string? Option(string name) => Options.GetValueOrDefault(name);
}
