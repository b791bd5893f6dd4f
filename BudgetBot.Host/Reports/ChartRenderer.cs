using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Reports;

/// <summary>
/// Draws plan against actual by quarter as a PNG, for an office, a division or a project, with Sarabun so Thai labels
/// render the same on every machine (the font ships in config/fonts under the OFL).
/// </summary>
internal sealed class ChartRenderer(IBudgetStore store)
{
    private const string FontName = "Sarabun";
    private static readonly Lock FontGate = new();
    private static bool _fontLoaded;

    /// <summary>Renders a chart attachment: the office, one division or one project of a fiscal year.</summary>
    public byte[]? Render(Domain.Conversation.Attachment chart, bool english)
    {
        var (office, year, id) = (chart.OfficeId, chart.FiscalYear, chart.ScopeId);
        var projects = store.Projects(office, year);
        var (title, chosen) = chart.Scope switch
        {
            Domain.Conversation.ChartScope.Office => (store.Office(office)?.Name ?? office, projects),
            Domain.Conversation.ChartScope.Division => (
                store.Divisions(office).FirstOrDefault(d => d.Id == id)?.Name ?? "", projects.Where(p => p.DivisionId == id).ToList()),
            _ => (projects.FirstOrDefault(p => p.Id == id) is { } p ? $"{p.Number}. {p.Name}" : "", projects.Where(p => p.Id == id).ToList()),
        };
        if (chosen.Count == 0)
        {
            return null;
        }

        var figures = Figures.Sum(chosen.Select(p => Figures.Of(p, store.Balance(p.Id))));
        return Draw(figures, Shorten(title), year, english);
    }

    private static byte[] Draw(Figures f, string title, int year, bool english)
    {
        EnsureFont();
        var plot = new ScottPlot.Plot();
        plot.Font.Set(FontName);
        var bars = new List<ScottPlot.Bar>();
        for (var q = 1; q <= 4; q++)
        {
            bars.Add(new ScottPlot.Bar { Position = (q * 3) - 2, Value = (double)f.Plan[q], FillColor = ScottPlot.Colors.LightGray });
            bars.Add(new ScottPlot.Bar { Position = (q * 3) - 1, Value = (double)f.Actual[q], FillColor = ScottPlot.Colors.SteelBlue });
        }

        plot.Add.Bars(bars);
        plot.Title(title + (english ? $"\nplan (grey) and actual (blue), FY {year}" : $"\nแผน (เทา) และผล (น้ำเงิน) ปีงบประมาณ {year}"));
        var labels = Enumerable.Range(1, 4).Select(q => english ? $"Q{q}" : $"ไตรมาส {q}").ToArray();
        plot.Axes.Bottom.SetTicks([1.5, 4.5, 7.5, 10.5], labels);
        plot.Axes.Margins(bottom: 0);
        return plot.GetImageBytes(800, 450, ScottPlot.ImageFormat.Png);
    }

    private static void EnsureFont()
    {
        lock (FontGate)
        {
            if (!_fontLoaded)
            {
                ScottPlot.Fonts.AddFontFile(FontName, BudgetBotConfiguration.Resolve("config/fonts/Sarabun-Regular.ttf"));
                _fontLoaded = true;
            }
        }
    }

    private static string Shorten(string title) => title.Length <= 70 ? title : title[..70] + "…";
}
