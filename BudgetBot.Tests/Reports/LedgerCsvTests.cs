using System.Globalization;
using System.Text;
using BudgetBot.Domain.Conversation;
using BudgetBot.Host.Options;
using BudgetBot.Host.Reports;
using BudgetBot.Tests.Conversation;

namespace BudgetBot.Tests.Reports;

/// <summary>The audit trail as a file: who recorded what, when and from which message; its sums reconcile with the balances.</summary>
public sealed class LedgerCsvTests : IDisposable
{
    private readonly ChatFixture _chat = new();

    public void Dispose() => _chat.Dispose();

    [Fact]
    public void Csv_ParsedBack_ReconcilesWithTheBalances_AndSaysWhoAndFromWhere()
    {
        _chat.Say("local:owner", "/spend 7 1,250.50 15/2/2566 ค่าอาหารว่าง, \"ประชุม\"");
        _chat.Say("local:owner", "/spend 17 =SUM(A1) 15/2/2566");
        _chat.Say("local:owner", "/spend 17 200 15/2/2566 -1+1+cmd|' /C calc'!A0");
        _chat.Say("local:owner", "/spend 17 300 15/2/2566 =HYPERLINK(\"x\")");
        _chat.Undo("local:owner");

        var bytes = Csv().Write(_chat.OfficeId, 2566);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(LedgerCsv.Columns, rows[0]);
        var data = rows.Skip(1).ToList();
        var byProject = data.GroupBy(r => int.Parse(r[3], CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Sum(r => decimal.Parse(r[5], CultureInfo.InvariantCulture)));
        foreach (var project in _chat.Store.Projects(_chat.OfficeId, 2566))
        {
            Assert.Equal(_chat.Store.Balance(project.Id).Actual.Total, byProject.GetValueOrDefault(project.Number));
        }

        var spend = data.Single(r => r[5] == "1250.50");
        Assert.Equal("ค่าอาหารว่าง, \"ประชุม\"", spend[6]);
        Assert.Equal("ผู้รับผิดชอบโครงการ (ทดลอง)", spend[7]);
        Assert.Equal("local", spend[9]);
        Assert.StartsWith("local:owner:", spend[10], StringComparison.Ordinal);
        Assert.StartsWith("2023-02-20T10:00:00+07:00", spend[1], StringComparison.Ordinal);
        var reversal = data.Single(r => r[11].Length > 0);
        Assert.Equal("-300.00", reversal[5]);
        Assert.DoesNotContain(data, r => r[6].StartsWith('='));
        // A minus is a formula too unless the whole cell is an amount (OWASP: = + - @ tab CR).
        Assert.Contains(data, r => r[6] == "'-1+1+cmd|' /C calc'!A0");
        Assert.All(data, r => Assert.True(r.All(c => c.Length == 0 || c[0] is not ('=' or '+' or '@' or '\t' or '\r') && (c[0] != '-' || decimal.TryParse(c, CultureInfo.InvariantCulture, out _))), string.Join(",", r)));
    }

    [Fact]
    public void Audit_ForAuditorsAndAdmins_SendsTheFile_OthersAreRefused()
    {
        var reply = _chat.Say("local:auditor", "ตรวจสอบ")[0];
        Assert.All(reply.Attachments, a => Assert.Equal(AttachmentKind.Csv, a.Kind));
        Assert.Contains("รายการ", reply.Text, StringComparison.Ordinal);
        Assert.Equal(["ledger-2566-7.csv", "ทะเบียนคุมการเบิกจ่าย-2566-7.csv"], _chat.Say("local:admin", "/audit 7")[0].Attachments.Select(a => a.Name));
        Assert.Empty(_chat.Say("local:owner", "/audit")[0].Attachments);
        Assert.Empty(_chat.Say("local:executive", "/audit")[0].Attachments);
    }

    [Fact]
    public void History_SaysWhoRecordedEachEntry_AndPages()
    {
        for (var i = 0; i < 12; i++)
        {
            _chat.Say("local:owner", $"/spend 7 {10 + i} 15/2/2566");
        }

        var first = _chat.Say("local:auditor", "ประวัติ 7")[0];
        Assert.Contains("— ผู้รับผิดชอบโครงการ (ทดลอง)", first.Text, StringComparison.Ordinal);
        Assert.Contains("— นำเข้าจากรายงาน", _chat.Tap("local:auditor", first.AllButtons.Single(b => b.Label.StartsWith("ถัดไป", StringComparison.Ordinal)))[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportLedgerVerb_WritesTheSameFile()
    {
        var dir = Seed.WithOffice(Seed.TempDir());
        var file = Path.Combine(dir, "ledger.csv");
        var output = new StringWriter();
        Assert.Equal(0, BudgetBot.Host.Cli.CliVerbs.Run(["export-ledger", file, "--fiscal-year", "2566", "--data-dir", dir], output, output));
        var rows = Parse(File.ReadAllText(file, Encoding.UTF8));
        Assert.Equal(LedgerCsv.Columns, rows[0]);
        Assert.Equal(862_370m, rows.Skip(1).Sum(r => decimal.Parse(r[5], CultureInfo.InvariantCulture)));
    }

    private LedgerCsv Csv() => new(_chat.Store, _chat.Store, Microsoft.Extensions.Options.Options.Create(new BudgetBotOptions()));

    /// <summary>RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks.</summary>
    private static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
