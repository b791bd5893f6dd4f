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
    public void ChartLagging_SendsTheTenFurthestBehind_ByTheLaggingRule()
    {
        var reply = _chat.Say("local:executive", "กราฟ ล่าช้า")[0];
        Assert.Equal(ChartScope.Behind, Assert.Single(reply.Attachments).Scope);
        var lagging = _chat.Say("local:executive", "ล่าช้า ไตรมาส 2")[0].Text.Split('\n').Skip(1).Take(10).Select(l => l.Split('.')[0]);
        Assert.Equal(lagging, reply.Text.Split('\n').Skip(1).Select(l => l.Split('.')[0]));
    }
}
