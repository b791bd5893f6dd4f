using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Reports;

/// <summary>
/// Charts drawn for a phone: 1170 px wide (a 390-pt screen at 3x), text at least 44 px (11 pt on that screen), bars
/// laid out horizontally so every bar carries its value and every row its label, Buddhist-era quarters, and Sarabun
/// so Thai renders the same on every machine (the font ships in config/fonts under the OFL).
/// </summary>
internal sealed class ChartRenderer(IBudgetStore store, TimeProvider? clock = null, Jobs.CalendarData? calendar = null)
{
    public const int Width = 1170;
    public const float TextPx = 44;
    private const string FontName = "Sarabun";
    private static readonly Lock FontGate = new();
    private static bool _fontLoaded;

    /// <summary>Renders a chart attachment; null when there is nothing to draw.</summary>
    public byte[]? Render(Attachment chart, bool english)
    {
        var (office, year, id) = (chart.OfficeId, chart.FiscalYear, chart.ScopeId);
        var projects = store.Projects(office, year);
        var budget = store.FiscalYear(office, year);
        var asOf = budget?.AnswerDate(DateOnly.FromDateTime((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime)) ?? FiscalCalendar.FiscalYearEnd(year);
        var quarterNow = ProjectText.CurrentQuarter(asOf, year);
        var say = new Say(english ? Language.English : Language.Thai);
        var figuresOf = (Project p) => Figures.Of(p, store.Balance(p.Id));
        switch (chart.Scope)
        {
            case ChartScope.Behind:
                // A division's group sees its own division only.
                var behind = BehindPlan.Of(projects.Where(p => id is null || p.DivisionId == id).Select(p => (p, figuresOf(p))), quarterNow).Take(10).ToList();
                return behind.Count == 0 ? null : Rows(
                    say[$"ต่ำกว่าแผนมากที่สุด", $"Furthest behind plan"],
                    say[$"ถึงไตรมาส {quarterNow}/{year} (บาท)\nข้อมูล ณ {ThaiDate.Short(asOf)}", $"to Q{quarterNow}/{year} (baht)\nas of {say.Date(asOf)}"],
                    behind.Select(x => (Label($"{x.Project.Number}. {x.Project.Name}"), x.Gap, ScottPlot.Colors.OrangeRed)).ToList());
            case ChartScope.Project:
                var project = projects.FirstOrDefault(p => p.Id == id);
                if (project is null)
                {
                    return null;
                }

                var f = figuresOf(project);
                var rows = new List<(string, decimal, ScottPlot.Color)>();
                for (var q = 1; q <= 4; q++)
                {
                    rows.Add((say[$"ไตรมาส {q}/{year} แผน", $"Q{q}/{year} plan"], f.Plan[q], ScottPlot.Colors.Silver));
                    rows.Add((say[$"ไตรมาส {q}/{year} ผล", $"Q{q}/{year} actual"], f.Actual[q], ScottPlot.Colors.SteelBlue));
                }

                return Rows($"{project.Number}. {project.Name}", say[$"แผนและผลรายไตรมาส (บาท)\nข้อมูล ณ {ThaiDate.Short(asOf)}", $"Plan and actual by quarter (baht)\nas of {say.Date(asOf)}"], rows,
                    [(say["แผน", "plan"], ScottPlot.Colors.Silver), (say["ผลการเบิกจ่าย", "actual"], ScottPlot.Colors.SteelBlue)]);
            default:
                var chosen = chart.Scope == ChartScope.Division ? projects.Where(p => p.DivisionId == id).ToList() : projects;
                if (chosen.Count == 0)
                {
                    return null;
                }

                var name = chart.Scope == ChartScope.Division ? store.Divisions(office).FirstOrDefault(d => d.Id == id)?.Name ?? "" : store.Office(office)?.Name ?? office;
                // Each project's figures read once: the bars, the marks and the headline's rates come from this one sum.
                var headline = OfficeHeadline.Of(chosen.Select(p => (p, figuresOf(p))).ToList(), year, quarterNow, calendar?.Targets ?? []);
                var sum = headline.Total;
                var cumulative = new List<(string, decimal, ScottPlot.Color)>();
                for (var q = 1; q <= 4; q++)
                {
                    cumulative.Add((say[$"ถึงไตรมาส {q}/{year} แผน", $"to Q{q}/{year} plan"], sum.PlanToDate(q), ScottPlot.Colors.Silver));
                    if (q <= quarterNow)
                    {
                        cumulative.Add((say[$"ถึงไตรมาส {q}/{year} ผล", $"to Q{q}/{year} actual"], sum.ActualToDate(q), q == quarterNow ? ScottPlot.Colors.DarkOrange : ScottPlot.Colors.SteelBlue));
                    }
                }

                // The plan to date and, when the cabinet's target for the quarter is known, that share of the allocation,
                // as lines across the bars: how far this quarter's result has still to go is read against them.
                var marks = new List<(string, decimal, ScottPlot.Color)> { (say[$"แผนถึงไตรมาส {quarterNow}", $"plan to Q{quarterNow}"], sum.PlanToDate(quarterNow), ScottPlot.Colors.DimGray) };
                if (headline.Target.Target is { } target)
                {
                    marks.Add((say[$"เป้าหมาย ครม. ร้อยละ {Say.Rate(target.Percent)}", $"cabinet target {Say.Percent(target.Percent)}"], sum.Allocation * target.Percent / 100, ScottPlot.Colors.DarkRed));
                }

                // The headline's two rates, as /report and the report page give them, under the title.
                var rates = say[
                    $"ร้อยละ {Say.Rate(headline.PercentOfPlan)} ของแผนถึงไตรมาส {quarterNow}\nเบิกจ่ายร้อยละ {Say.Rate(sum.PercentUsed)} ของงบ",
                    $"{Say.Percent(headline.PercentOfPlan)} of plan to Q{quarterNow}\n{Say.Percent(sum.PercentUsed)} of the allocation paid"];
                return Rows(name, say[$"ผลสะสมเทียบแผนสะสม (บาท)\n{rates}\nข้อมูล ณ {ThaiDate.Short(asOf)}", $"Cumulative actual vs plan (baht)\n{rates}\nas of {say.Date(asOf)}"], cumulative,
                    [(say["แผนสะสม", "plan to date"], ScottPlot.Colors.Silver), (say["ผลสะสมไตรมาสที่ผ่านมา", "actual, past quarters"], ScottPlot.Colors.SteelBlue),
                        (say["ผลสะสมไตรมาสปัจจุบัน", "actual, this quarter"], ScottPlot.Colors.DarkOrange)], marks);
        }
    }

    /// <summary>
    /// One horizontal bar per row, its label at the left and its value at the bar's end; where colours carry meaning,
    /// a legend under the bars says what each colour is.
    /// </summary>
    private static byte[] Rows(string title, string subtitle, IReadOnlyList<(string Label, decimal Value, ScottPlot.Color Color)> rows,
        IReadOnlyList<(string Text, ScottPlot.Color Color)>? legend = null, IReadOnlyList<(string Text, decimal Value, ScottPlot.Color Color)>? marks = null)
    {
        EnsureFont();
        var plot = new ScottPlot.Plot();
        plot.Font.Set(FontName);
        var bars = rows.Select((r, i) => new ScottPlot.Bar
        {
            Position = rows.Count - i,
            Value = (double)r.Value,
            FillColor = r.Color,
            Label = Say.Baht(r.Value),
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = TextPx;
        barPlot.ValueLabelStyle.FontName = FontName;
        plot.Axes.Left.SetTicks([.. bars.Select(b => b.Position)], [.. rows.Select(r => r.Label)]);
        plot.Axes.Left.TickLabelStyle.FontSize = TextPx;
        plot.Axes.Left.TickLabelStyle.FontName = FontName;
        plot.Axes.Bottom.TickLabelStyle.IsVisible = false;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        // Centred over the bars, a line must stay within them: long names and notes wrap, between words.
        plot.Title(string.Join('\n', TitleLines(title, subtitle)));
        plot.Axes.Title.Label.FontSize = TextPx + 4;
        plot.Axes.Title.Label.FontName = FontName;
        // Room at the right for the longest value label, and above the first bar for the legend.
        plot.Axes.Margins(left: 0, right: 0.5, bottom: 0.02, top: legend is { Count: > 0 } ? 0.06 + (0.05 * legend.Count) : 0.02);
        if (legend is { Count: > 0 })
        {
            foreach (var (text, color) in legend)
            {
                plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = text, FillColor = color });
            }

            plot.Legend.FontName = FontName;
            plot.Legend.FontSize = TextPx - 8;
            plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        }

        foreach (var ((text, value, color), i) in (marks ?? []).Select((m, i) => (m, i)))
        {
            var line = plot.Add.VerticalLine((double)value);
            line.Color = color;
            line.LineWidth = 4;
            line.LinePattern = ScottPlot.LinePattern.Dashed;
            line.LabelText = text;
            line.LabelFontName = FontName;
            line.LabelFontSize = TextPx - 12;
            line.LabelBackgroundColor = color;
            line.LabelFontColor = ScottPlot.Colors.White;
            // Alternate ends, so two marks close together do not cover each other's labels.
            line.LabelOppositeAxis = i % 2 == 1;
        }

        if (marks is { Count: > 0 })
        {
            // Room under the bars for the marks' labels, which sit on the bottom edge (the value axis has no numbers).
            plot.Axes.Bottom.MinimumSize = TextPx + 16;
            plot.Axes.Top.MinimumSize = marks.Count > 1 ? TextPx + 16 : 0;
        }

        // A row is as tall as its label's lines.
        var lines = rows.Count == 0 ? 1 : rows.Max(r => r.Label.Count(c => c == '\n') + 1);
        var height = Math.Max(Width, 420 + (rows.Count * (60 + (50 * lines))) + ((legend?.Count ?? 0) * 60) + ((marks?.Count ?? 0) * 60));
        return plot.GetImageBytes(Width, height, ScottPlot.ImageFormat.Png);
    }

    /// <summary>Only <paramref name="text"/>, drawn as chart labels are (font and size): for checking glyphs and text height.</summary>
    public static byte[] TextSample(string text)
    {
        EnsureFont();
        var plot = new ScottPlot.Plot();
        plot.Font.Set(FontName);
        plot.Layout.Frameless();
        plot.HideGrid();
        var label = plot.Add.Text(text, 0, 0);
        label.LabelFontSize = TextPx;
        label.LabelFontName = FontName;
        label.LabelAlignment = ScottPlot.Alignment.MiddleCenter;
        plot.Axes.SetLimits(-1, 1, -1, 1);
        return plot.GetImageBytes(600, 120, ScottPlot.ImageFormat.Png);
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

    /// <summary>Characters a title line holds over the bars at this size; a row label holds fewer beside them.</summary>
    public const int LineChars = 26;
    public const int LabelChars = 26;

    /// <summary>The title's lines: the name and the notes, each wrapped between words, never cut.</summary>
    public static IReadOnlyList<string> TitleLines(string title, string subtitle) =>
        [.. ThaiWords.Wrap(title, LineChars), .. ThaiWords.Wrap(subtitle, LineChars)];

    /// <summary>A row's label beside its bar, wrapped between words onto as many lines as it needs.</summary>
    public static string Label(string text) => string.Join('\n', ThaiWords.Wrap(text, LabelChars));
}
