using BudgetBot.Domain.Reconciliation;

namespace BudgetBot.Tests.Reconciliation;

public sealed class MalformedRowTests
{
    private const string Header = "ที่\tชื่อโครงการ/กิจกรรม\tงบประมาณที่ได้รับจัดสรร\nx\t\t\tไตรมาสที่ 1\n\t\t\tแผน\tผล\n";

    private static ImportResult Analyze(string rows) =>
        ReportImport.Analyze(ReportLine.FromTsv("ประจำปีงบประมาณ พ.ศ.2566\n1 ตุลาคม 2565 ถึง 30 กันยายน 2566\n" + Header + rows), acceptRepairs: false);

    [Fact]
    public void ConsistentRow_HasNoFindings()
    {
        var r = Analyze("กลุ่มอำนวยการ 1 โครงการ\n1\tก\t1,000\t500\t500\t500\t0\t0\t0\t0\t0\t500\t500.00\t- อยู่ระหว่างดำเนินโครงการ\n");
        Assert.Empty(r.Findings);
    }

    [Fact]
    public void TwoReadingsThatBothPass_OfferNoRepair()
    {
        // The missing 100 could be Q1's or Q2's result, and both quarters plan enough for it: no single reading.
        var r = Analyze("1\tก\t1,000\t500\t0\t500\t0\t0\t0\t0\t0\t100\t900.00\t- x\n");
        var f = Assert.Single(r.Findings);
        Assert.Equal("result-total", f.Check);
        Assert.Null(f.Repair);
    }

    [Fact]
    public void WrongDivisionCount_IsAFinding()
    {
        var r = Analyze("กลุ่มอำนวยการ 2 โครงการ\n1\tก\t1,000\t500\t500\t500\t0\t0\t0\t0\t0\t500\t500.00\t- x\n");
        var f = Assert.Single(r.Findings);
        Assert.Equal(("division-count", 2m, 1m), (f.Check, f.Expected!.Value, f.Actual!.Value));
    }

    [Fact]
    public void DuplicateProjectNumber_IsAFinding()
    {
        var row = "1\tก\t1,000\t500\t500\t500\t0\t0\t0\t0\t0\t500\t500.00\t- x\n";
        var r = Analyze(row + row);
        Assert.Contains(r.Findings, f => f.Check == "duplicate-number" && f.Row == 1);
    }
}
