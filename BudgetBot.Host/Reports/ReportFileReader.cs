using System.Security.Cryptography;
using BudgetBot.Domain.Reconciliation;

namespace BudgetBot.Host.Reports;

/// <summary>A report file read as lines, with an id from its bytes so importing the same file twice is recognised.</summary>
internal sealed record ReportFile(IReadOnlyList<ReportLine> Lines, string SourceId);

internal sealed class ReportFileReader
{
    public ReportFile Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var id = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            using var stream = new MemoryStream(bytes);
            return new ReportFile(XlsxReportReader.Read(stream), id);
        }

        return new ReportFile(ReportLine.FromTsv(System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF')), id);
    }
}
