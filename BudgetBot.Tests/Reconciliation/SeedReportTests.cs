using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Reconciliation;

namespace BudgetBot.Tests.Reconciliation;

/// <summary>Every inconsistency of the real FY2566 report, pinned with its figures.</summary>
public sealed class SeedReportTests
{
    private readonly ImportResult _literal = Seed.Analyze(acceptRepairs: false);
    private readonly ImportResult _repaired = Seed.Analyze(acceptRepairs: true);

    [Fact]
    public void Facts_OfSeed_AreRayong2FiscalYear2566FirstHalf()
    {
        Assert.Equal("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาระยอง เขต 2", _literal.Facts.OfficeName);
        Assert.Equal(2566, _literal.Facts.FiscalYear);
        Assert.Equal(new DateOnly(2022, 10, 1), _literal.Facts.PeriodStart);
        Assert.Equal(new DateOnly(2023, 3, 31), _literal.Facts.PeriodEnd);
        Assert.Equal(2, _literal.Facts.LastQuarter);
        Assert.Equal(49, _literal.ProjectCount);
        Assert.Equal(10, _literal.Document.Sections.Count);
    }

    [Fact]
    public void Preamble_OfSeed_ReadsRoundsLettersAndEnvelopes()
    {
        var p = _literal.Document.Preamble;
        Assert.Equal([3_000_000m, 1_000_000m], p.Rounds.Select(r => r.Value.Amount));
        Assert.Equal(3913, p.Rounds[0].Value.Letter!.Number);
        Assert.Equal(new DateOnly(2023, 2, 27), p.Rounds[1].Value.Letter!.Date);
        Assert.Equal(4_000_000m, p.DeclaredTotal!.Value);
        Assert.Equal([1_980_000m, 472_020m, 1_547_980m], p.Envelopes.Select(e => e.Value.Amount));
        Assert.Equal([1_300_000m, 680_000m], p.Envelopes[0].Value.Parts.Select(x => x.Amount));
    }

    [Fact]
    public void Findings_OfSeed_AreExactlyTheKnownInconsistencies()
    {
        var found = _literal.Findings.Select(f => $"{f.Row?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}:{f.Check}").Order().ToList();
        string[] expected =
        [
            "-:column-total", "-:column-total", "-:column-total",
            "-:fiscal-year",
            "-:office-name", "-:office-name", "-:office-name",
            "-:project-envelope",
            "-:total-plan", "-:total-result",
            "12:missing-cell", "12:missing-cell", "12:plan-total", "12:result-after-period", "12:result-total",
            "13:extra-cell", "13:plan-total", "13:remaining", "13:result-after-period", "13:result-total",
            "14:date-outside-period",
            "26:plan-total",
            "4:result-total",
            "40:remaining", "40:result-total",
            // Progress notes that name another office (สระบุรี, and a misspelt one): text copied from elsewhere.
            "10:office-name", "14:office-name", "15:office-name", "39:office-name",
        ];
        Assert.Equal(expected.Order(), found);
    }

    [Theory]
    [InlineData(4, "result-total", 21440, 0, -21440)]
    [InlineData(12, "plan-total", 35400, 30600, -4800)]
    [InlineData(12, "result-total", 26030, 30830, 4800)]
    [InlineData(13, "plan-total", 18000, 0, -18000)]
    [InlineData(26, "plan-total", 22880, 38360, 15480)]
    [InlineData(40, "result-total", 5200, 0, -5200)]
    [InlineData(40, "remaining", 0, 5200, 5200)]
    public void RowFinding_OfSeed_CarriesTheFigures(int row, string check, int expected, int actual, int difference)
    {
        var f = Assert.Single(_literal.Findings, x => x.Row == row && x.Check == check);
        Assert.Equal(expected, f.Expected);
        Assert.Equal(actual, f.Actual);
        Assert.Equal(difference, f.Difference);
    }

    [Theory]
    [InlineData(null, "project-envelope", 1547980, 1945480, 397500)] // projects 1–48: 49 is funded from the reserve
    [InlineData(null, "total-plan", 1975480, 1990960, 15480)]
    [InlineData(null, "total-result", 862370, 840930, -21440)]
    [InlineData(null, "fiscal-year", 2566, 2565, -1)]
    public void ReportFinding_OfSeed_CarriesTheFigures(int? row, string check, int expected, int actual, int difference)
    {
        var f = Assert.Single(_literal.Findings, x => x.Row == row && x.Check == check);
        Assert.Equal(expected, f.Expected);
        Assert.Equal(actual, f.Actual);
        Assert.Equal(difference, f.Difference);
    }

    [Fact]
    public void OfficeNames_ThatDisagree_AreNamedWithTheirLines()
    {
        var names = _literal.Findings.Where(f => f.Check == "office-name").Select(f => (f.Line, f.ActualText)).ToList();
        Assert.Contains((11, "สำนักงานเขตพื้นที่การศึกษาประถมศึกษากระบี่ เขต 2"), names);
        Assert.Contains((16, "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสระยอง เขต 2"), names);
        Assert.Contains((25, "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสระยอง เขต 2"), names);
    }

    [Fact]
    public void Repairs_OfSeed_AreTheOneReadingThatPasses()
    {
        RowFigures Repair(int row) => _literal.Findings.First(f => f.Row == row).Repair!.Figures;

        Assert.Equal(new QuarterAmounts(21440, 0, 0, 0), Repair(4).Result);
        Assert.Equal(new QuarterAmounts(5000, 10400, 15200, 4800), Repair(12).Plan);
        Assert.Equal(new QuarterAmounts(0, 26030, 0, 0), Repair(12).Result);
        Assert.Equal(new QuarterAmounts(0, 0, 0, 18000), Repair(13).Plan);
        Assert.Equal(18000, Repair(13).Remaining);
        Assert.Equal(new QuarterAmounts(0, 15480, 0, 7400), Repair(26).Plan);
        Assert.Equal(0, Repair(40).Used);
        Assert.Equal(5, _literal.RepairsOffered);
        Assert.Equal("Q4 plan (blank) → 4,800.00; Q4 result 4,800.00 → 0.00", _literal.Findings.First(f => f.Row == 12).Repair!.Description);
        Assert.Null(_literal.Findings.Single(f => f.Row == 14 && f.Check == "date-outside-period").Repair);
    }

    [Fact]
    public void Totals_WithRepairs_ReproduceTheTotalRowWhereItIsRight()
    {
        var t = _repaired.Totals;
        Assert.Equal(1_975_480m, t.Allocation);
        Assert.Equal(new QuarterAmounts(289_350, 774_740, 432_370, 479_020), t.Plan);
        Assert.Equal(new QuarterAmounts(189_860, 672_510, 0, 0), t.Result);
        Assert.Equal(862_370m, t.Used);
        Assert.Equal(1_113_110m, t.Allocation - t.Used);

        // The total row's Q1 result leaves out project 4's 21,440 and its Q3 plan keeps project 26's duplicated 15,480:
        // exactly the two differences that remain, and the total row's own used (862,370) agrees with the repaired rows.
        var left = _repaired.Findings.Where(f => f.Check == "column-total").Select(f => (f.Expected, f.Actual)).ToList();
        Assert.Equal([(168_420m, 189_860m), (447_850m, 432_370m)], left);
    }

    [Fact]
    public void Divisions_OfSeed_MatchTheirDeclaredCounts()
    {
        Assert.All(_literal.Document.Sections.Where(s => s.DeclaredCount is not null), s => Assert.Equal(s.DeclaredCount, s.Rows.Count));
        Assert.Equal(["กลุ่มอำนวยการ", "กลุ่มบริหารงานบุคคล", "กลุ่มกฎหมายและคดี", "กลุ่มนโยบายและแผน"],
            _literal.Document.Sections.Take(4).Select(s => s.Name));
    }

    [Fact]
    public void Snapshot_OfRepairedSeed_StoresResultsAsLedgerEntries()
    {
        var snapshot = _repaired.ToSnapshot(DateTimeOffset.UnixEpoch, "seed");
        Assert.Equal(49, snapshot.Projects.Count);
        Assert.Equal(862_370m, snapshot.Entries.Sum(e => e.Amount));
        var p7 = snapshot.Projects.Single(p => p.Number == 7);
        Assert.Equal(86_860m, p7.Allocation);
        Assert.Equal(ProjectStatus.Done, snapshot.Projects.Single(p => p.Number == 4).Status);
        Assert.Equal(ProjectStatus.Postponed, snapshot.Projects.Single(p => p.Number == 9).Status);
        Assert.Equal(ProjectStatus.InProgress, snapshot.Projects.Single(p => p.Number == 7).Status);
        Assert.Equal(["9", "33"], snapshot.Projects.Where(p => p.Status == ProjectStatus.Postponed).Select(p => p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(snapshot.Entries, e => Assert.True(e.Date <= new DateOnly(2023, 3, 31)));
        Assert.Equal(snapshot.Entries.Count, snapshot.Entries.Select(e => e.SourceKey).Distinct().Count());
    }
}
