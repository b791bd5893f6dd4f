using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Conversation.Parsing;
using BudgetBot.Domain.Reconciliation;
using BudgetBot.Host.Reports;
using BudgetBot.Tests.Storage;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BudgetBot.Tests.Conversation;

/// <summary>An entry's expense category and document number, read from what people type and shown wherever entries are.</summary>
public abstract class EntryFactsContract(StoreKind kind) : IDisposable
{
    private readonly ChatFixture _chat = new(kind: kind);

    public void Dispose()
    {
        _chat.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public void CategoryAndDocument_AreKept_AndShownInHistoryAndTheReportsEntrySheet()
    {
        _chat.Say("local:owner", "จ่าย 7 2,400 ค่าอาหารว่าง หมวด ค่าใช้สอย ฎีกา 123/2566");
        var entry = _chat.Store.History(Project.KeyFor(_chat.OfficeId, 2566, 7), 1)[0];

        Assert.Equal(("ค่าใช้สอย", "123/2566"), (entry.Category, entry.Document));
        Assert.Contains("[ค่าใช้สอย · ฎีกา 123/2566]", _chat.Say("local:owner", "ประวัติ 7")[0].Text, StringComparison.Ordinal);
        Assert.Equal(entry, _chat.Store.Entry(entry.Id));

        var path = Path.Combine(Seed.TempDir(), "h1.xlsx");
        new ReportExporter(_chat.Store).WriteXlsx(path, _chat.OfficeId, 2566, ReportRound.Parse("h1")!, new DateOnly(2023, 3, 1));
        using var doc = SpreadsheetDocument.Open(path, false);
        var sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == XlsxReportWriter.EntriesSheetName);
        var text = ((WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.InnerText;
        Assert.Contains("ค่าใช้สอย", text, StringComparison.Ordinal);
        Assert.Contains("123/2566", text, StringComparison.Ordinal);
        Assert.Equal(49, ReportImport.Analyze(new ReportFileReader().Read(path).Lines, acceptRepairs: false).ProjectCount);
    }
}

public sealed class EntryFactsTestsOnLiteDb() : EntryFactsContract(StoreKind.LiteDb);

public sealed class EntryFactsTestsOnPostgres() : EntryFactsContract(StoreKind.Postgres);

public sealed class EntryFactsTestsOnMemory() : EntryFactsContract(StoreKind.Memory);

/// <summary>Category and document words as people write them.</summary>
public sealed class EntryTagsTests
{
    [Theory]
    [InlineData("ค่าอาหารว่าง หมวด ค่าใช้สอย ฎีกา 123/2566", "ค่าใช้สอย", "123/2566")]
    [InlineData("ค่าวัสดุ กระดาษ", "ค่าวัสดุ", null)]
    [InlineData("เลขที่ฎีกา 45 ค่าตอบแทน วิทยากร", "ค่าตอบแทน", "45")]
    [InlineData("paper category materials doc A-17", "ค่าวัสดุ", "A-17")]
    [InlineData("ค่าอาหาร", null, null)]
    [InlineData("ฎีกา ด่วน", null, null)]
    [InlineData("", null, null)]
    public void Read(string note, string? category, string? document) => Assert.Equal((category, document), EntryTags.Read(note));
}
