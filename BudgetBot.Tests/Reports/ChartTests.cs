using BudgetBot.Domain.Conversation;
using BudgetBot.Host.Reports;
using BudgetBot.Tests.Conversation;
using SkiaSharp;
using Xunit.Abstractions;

namespace BudgetBot.Tests.Reports;

/// <summary>Charts for a phone: 1170 px wide, Thai text drawn (not boxes), values present, tall enough to read at 3x.</summary>
public sealed class ChartTests(ITestOutputHelper output) : IDisposable
{
    private readonly ChatFixture _chat = new();

    public void Dispose() => _chat.Dispose();

    public static TheoryData<ChartScope, int?> Kinds => new() { { ChartScope.Office, null }, { ChartScope.Project, 7 }, { ChartScope.Behind, null } };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Chart_IsPhoneSized_AndDrawn(ChartScope scope, int? project)
    {
        var id = project is { } n ? Domain.Budget.Project.KeyFor(_chat.OfficeId, 2566, n) : null;
        var png = new ChartRenderer(_chat.Store, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(ChatFixture.Now))
            .Render(Attachment.Chart(_chat.OfficeId, 2566, scope, id), english: false)!;

        // BUDGETBOT_CHARTS=<dir> keeps the images to look at; otherwise they go with the test's temp dir.
        var file = Path.Combine(Environment.GetEnvironmentVariable("BUDGETBOT_CHARTS") ?? Seed.TempDir(), $"chart-{scope}.png");
        File.WriteAllBytes(file, png);
        output.WriteLine(file);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(ChartRenderer.Width, bitmap.Width);
        Assert.True(bitmap.Height >= bitmap.Width, "portrait or square");
        // Something is drawn across most of the width (labels at the left, bars and values to the right).
        var inked = Enumerable.Range(0, bitmap.Width).Count(x => Enumerable.Range(0, bitmap.Height).Any(y => bitmap.GetPixel(x, y).Red < 128));
        Assert.True(inked > bitmap.Width / 2, $"{inked} inked columns");
    }

    [Fact]
    public void OfficeChart_ExplainsItsColours_InALegend()
    {
        var png = new ChartRenderer(_chat.Store, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(ChatFixture.Now))
            .Render(Attachment.Chart(_chat.OfficeId, 2566, ChartScope.Office), english: false)!;
        using var bitmap = SKBitmap.Decode(png);

        // The current quarter's bar is orange, and so is its swatch in the legend: two separate bands of rows.
        var orange = Enumerable.Range(0, bitmap.Height).Where(y => Enumerable.Range(0, bitmap.Width).Any(x => bitmap.GetPixel(x, y) == new SKColor(255, 140, 0))).ToList();
        var bands = orange.Zip(orange.Skip(1)).Count(p => p.Second - p.First > 1) + 1;
        Assert.Equal(2, bands);
    }

    [Fact]
    public void ChartLagging_SendsTheTenFurthestBehind_ByTheLaggingRule()
    {
        var reply = _chat.Say("local:executive", "กราฟ ล่าช้า")[0];
        Assert.Equal(ChartScope.Behind, Assert.Single(reply.Attachments).Scope);
        var lagging = _chat.Say("local:executive", "ล่าช้า ไตรมาส 2")[0].Text.Split('\n').Skip(1).Take(10).Select(l => l.Split('.')[0]);
        Assert.Equal(lagging, reply.Text.Split('\n').Skip(1).Select(l => l.Split('.')[0]));
    }

    [Fact]
    public void ThaiText_IsDrawnWithItsGlyphs_NotMissingGlyphBoxes_AtPhoneHeight()
    {
        using var thai = SKBitmap.Decode(ChartRenderer.TextSample("ไตรมาส"));
        using var missing = SKBitmap.Decode(ChartRenderer.TextSample(new string('\uFFFF', 6)));
        using var typeface = SKTypeface.FromFile(Path.Combine(AppContext.BaseDirectory, "config", "fonts", "Sarabun-Regular.ttf"));
        Assert.DoesNotContain((ushort)0, typeface.GetGlyphs("ไตรมาส 2/2566 ข้อมูล ณ"));

        Assert.NotEqual(Ink(thai), Ink(missing));
        var (top, bottom) = InkRows(thai);
        output.WriteLine($"ink {top}..{bottom}");
        Assert.True(bottom - top >= 30, $"Thai text {bottom - top} px tall at 3x; 11 pt on a phone needs about 44 px type");
    }

    private static string Ink(SKBitmap bitmap) =>
        string.Concat(Enumerable.Range(0, bitmap.Height).SelectMany(y => Enumerable.Range(0, bitmap.Width).Select(x => bitmap.GetPixel(x, y).Red < 128 ? '#' : '.')));

    private static (int Top, int Bottom) InkRows(SKBitmap bitmap)
    {
        var rows = Enumerable.Range(0, bitmap.Height).Where(y => Enumerable.Range(0, bitmap.Width).Any(x => bitmap.GetPixel(x, y).Red < 128)).ToList();
        return (rows[0], rows[^1]);
    }
}
