using BudgetBot.Domain.Reconciliation;

namespace BudgetBot.Tests.Reconciliation;

/// <summary>The importer reads the report's words too: another office named in a note or heading, a title with another year.</summary>
public sealed class TextFindingsTests
{
    private static ImportResult Analyze(Func<string, string> change) =>
        ReportImport.Analyze(ReportLine.FromTsv(change(File.ReadAllText(Seed.Path))), acceptRepairs: true);

    [Fact]
    public void Seed_NotesNamingAnotherOffice_AreFound_ItsOwnShortNameIsNot()
    {
        var rows = Seed.Analyze(acceptRepairs: true).Findings.Where(f => f.Check == "office-name" && f.Row is not null).Select(f => f.Row!.Value).Order();
        Assert.Equal([10, 14, 15, 39], rows); // สระบุรี and a misspelt name; project 7's "สพ.ระยอง เขต 2" is this office
    }

    [Theory]
    [InlineData("สังกัด สพ.ระยอง เขต 2", "สังกัด สพป.กระบี่ เขต 1")]
    [InlineData("สังกัด สพ.ระยอง เขต 2", "สังกัด สำนักงานเขตพื้นที่การศึกษาประถมศึกษาระยอง เขต 1")]
    public void ANoteNamingAnotherOffice_IsAFindingOnThatProject(string from, string to)
    {
        var result = Analyze(text => text.Replace(from, to, StringComparison.Ordinal));
        Assert.Single(result.Findings, f => f.Check == "office-name" && f.Row == 7);
    }

    [Fact]
    public void ATitleWithAnotherFiscalYear_IsAFinding()
    {
        var result = Analyze(text => text.Replace("ประจำปีงบประมาณ พ.ศ.2566", "ประจำปีงบประมาณ 2567", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.Check == "fiscal-year" && (f.Actual == 2567 || f.Expected == 2567));
    }
}
