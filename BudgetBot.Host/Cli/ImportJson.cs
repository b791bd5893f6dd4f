using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using BudgetBot.Domain.Ports;
using BudgetBot.Domain.Reconciliation;

namespace BudgetBot.Host.Cli;

/// <summary>The one JSON object <c>import --json</c> prints; its keys are used by scripts.</summary>
internal static class ImportJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(ImportResult r, ImportWrite written)
    {
        var t = r.Totals;
        var json = new JsonObject
        {
            ["office"] = r.Facts.OfficeName,
            ["fiscalYear"] = r.Facts.FiscalYear,
            ["projects"] = r.ProjectCount,
            ["divisions"] = new JsonArray(r.Document.Sections.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = s.Name,
                ["declared"] = s.DeclaredCount,
                ["found"] = s.Rows.Count,
            }).ToArray()),
            ["totals"] = new JsonObject
            {
                ["allocated"] = t.Allocation,
                ["plan"] = Quarters(t.Plan),
                ["result"] = Quarters(t.Result),
                ["used"] = t.Result.Total,
                ["remaining"] = t.Allocation - t.Result.Total,
            },
            ["repairsApplied"] = r.RepairsApplied,
            ["stored"] = written.ToString().ToLowerInvariant(),
            ["findings"] = new JsonArray(r.Findings.Select(Finding).ToArray()),
        };
        return json.ToJsonString(Options);
    }

    private static JsonNode Finding(Finding f) => new JsonObject
    {
        ["row"] = f.Row,
        ["line"] = f.Line,
        ["check"] = f.Check,
        ["expected"] = f.Expected is { } e ? JsonValue.Create(e) : f.ExpectedText is { } et ? JsonValue.Create(et) : null,
        ["actual"] = f.Actual is { } a ? JsonValue.Create(a) : f.ActualText is { } at ? JsonValue.Create(at) : null,
        ["difference"] = f.Difference,
        ["message"] = f.MessageTh.Length > 0 ? f.MessageTh : f.Message,
        ["messageEn"] = f.Message,
        ["repair"] = f.Repair is { } rep ? new JsonObject
        {
            ["description"] = rep.DescriptionTh,
            ["descriptionEn"] = rep.Description,
            ["allocation"] = rep.Figures.Allocation,
            ["plan"] = Quarters(rep.Figures.Plan),
            ["result"] = Quarters(rep.Figures.Result),
            ["used"] = rep.Figures.Used,
            ["remaining"] = rep.Figures.Remaining,
        } : null,
    };

    private static JsonObject Quarters(Domain.Budget.QuarterAmounts q) => new() { ["q1"] = q.Q1, ["q2"] = q.Q2, ["q3"] = q.Q3, ["q4"] = q.Q4 };
}
