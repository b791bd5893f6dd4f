using BudgetBot.Host.Reports;
using BudgetBot.Tests.Conversation;

namespace BudgetBot.Tests.Reports;

/// <summary>Chart text breaks between Thai words (ICU's dictionary), never inside one, and long names wrap instead of being cut.</summary>
public sealed class ThaiWordsTests : IDisposable
{
    private readonly ChatFixture _chat = new();

    public void Dispose() => _chat.Dispose();

    [Fact]
    public void Boundaries_FallBetweenWords_NotInsideThem()
    {
        const string text = "เสริมสร้างและพัฒนาประสิทธิภาพการบริหารงานบุคคล";
        var word = text.IndexOf("ประสิทธิภาพ", StringComparison.Ordinal);

        var breaks = ThaiWords.Boundaries(text);

        Assert.True(ThaiWords.HasDictionary, "ICU's break iterator is found (.NET's globalization loads the same library)");
        Assert.Contains(word, breaks);
        Assert.Contains(word + "ประสิทธิภาพ".Length, breaks);
        Assert.DoesNotContain(breaks, b => b > word && b < word + "ประสิทธิภาพ".Length);
    }

    [Fact]
    public void EveryChartTitleAndLabel_OfTheDemoOffice_BreaksOnlyBetweenWords_AndKeepsEveryCharacter()
    {
        var names = _chat.Store.Projects(_chat.OfficeId, 2566).Select(p => $"{p.Number}. {p.Name}")
            .Concat(_chat.Store.Divisions(_chat.OfficeId).Select(d => d.Name))
            .Append(_chat.Store.Office(_chat.OfficeId)!.Name)
            .ToList();

        foreach (var name in names)
        {
            foreach (var lines in new[] { ChartRenderer.TitleLines(name, ""), ChartRenderer.Label(name).Split('\n') })
            {
                // Nothing cut or added: the lines are the name, less the spaces a break took.
                Assert.Equal(name.Replace(" ", "", StringComparison.Ordinal), string.Concat(lines).Replace(" ", "", StringComparison.Ordinal));
                Assert.DoesNotContain(lines, l => l.Contains('…', StringComparison.Ordinal));
                var breaks = ThaiWords.Boundaries(name);
                var at = 0;
                foreach (var line in lines.SkipLast(1))
                {
                    at = name.IndexOf(line, at, StringComparison.Ordinal) + line.Length;
                    Assert.True(breaks.Contains(at) || name[at] == ' ' || name[at - 1] == ' ', $"'{name}' is broken inside a word after '{line}'");
                }
            }
        }
    }

    [Fact]
    public void AWordLongerThanALine_KeepsALineOfItsOwn_Whole()
    {
        var lines = ThaiWords.Wrap("ก ประสิทธิภาพประสิทธิภาพประสิทธิภาพ ข", 10);

        Assert.Equal("ก ประสิทธิภาพประสิทธิภาพประสิทธิภาพ ข".Replace(" ", "", StringComparison.Ordinal), string.Concat(lines).Replace(" ", "", StringComparison.Ordinal));
        // Each "ประสิทธิภาพ" (11 characters) is longer than the 10-character line: it is never split to fit.
        Assert.DoesNotContain(lines, l => l.StartsWith("ทธิ", StringComparison.Ordinal) || l.EndsWith("ประสิ", StringComparison.Ordinal));
        Assert.Contains("ประสิทธิภาพ", lines);
    }
}
