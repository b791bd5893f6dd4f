using System.Net;
using System.Text;
using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Ports;
using BudgetBot.Domain.Reconciliation;
using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Reports;

/// <summary>
/// <c>GET /reports/{token}</c>: the monitoring report as a page for a phone (cards that never need sideways
/// scrolling) that also prints on A4 landscape. Server-rendered from the same layout as the spreadsheet; the token is
/// 128 random bits kept as a hash, opens one office's year and round, and expires.
/// </summary>
internal static class ReportPage
{
    public static void MapReportPages(this WebApplication app)
    {
        // The page's own Thai font, so it reads the same on a phone or a computer without Thai fonts.
        app.MapGet("/reports/sarabun.ttf", () => Results.File(BudgetBotConfiguration.Resolve("config/fonts/Sarabun-Regular.ttf"), "font/ttf"));
        app.MapGet("/reports/{token}", (string token, IChatStore chat, IBudgetStore store, ReportExporter exporter, TimeProvider clock, IOptions<BudgetBotOptions> options, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            http.Response.Headers["X-Robots-Tag"] = "noindex";
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'";
            // A link names one office's year: one this store does not hold (another office's, or a deleted year) opens nothing.
            if (token.Length != 32 || chat.ReportLinkFor(token, clock.GetUtcNow()) is not { } link || ReportRound.Parse(link.Round) is not { } round
                || store.FiscalYear(link.OfficeId, link.FiscalYear) is null)
            {
                return Results.Content(Page("ลิงก์ใช้ไม่ได้", "<p>ลิงก์นี้ใช้ไม่ได้หรือหมดอายุแล้ว พิมพ์ รายงาน ในแชทเพื่อรับลิงก์ใหม่</p>"), "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status404NotFound);
            }

            var rows = exporter.Layout(link.OfficeId, link.FiscalYear, round, TimeZones.Today(options.Value.TimeZone, clock.GetUtcNow()));
            return Results.Content(Render(rows), "text/html; charset=utf-8", Encoding.UTF8);
        });
    }

    /// <summary>The layout as HTML: the heading lines, a card per project under its division, the total, the findings.</summary>
    public static string Render(IReadOnlyList<LayoutRow> rows)
    {
        var body = new StringBuilder();
        var preamble = rows.Where(r => r.Kind == LayoutRowKind.Preamble).Select(r => r.Cells[0].Text ?? "").ToList();
        body.Append("<header>");
        foreach (var (line, i) in preamble.Select((l, i) => (l, i)))
        {
            body.Append(i == 0 ? "<h1>" : "<p>").Append(E(line)).Append(i == 0 ? "</h1>" : "</p>");
        }

        body.Append("</header>");
        var open = false;
        foreach (var row in rows)
        {
            switch (row.Kind)
            {
                case LayoutRowKind.Division:
                    body.Append(open ? "</section>" : "").Append("<section><h2>").Append(E(row.Cells[0].Text)).Append("</h2>");
                    open = true;
                    break;
                case LayoutRowKind.Project:
                    body.Append("<article>").Append("<h3>").Append(E($"{Whole(row.Cells[0])}. {row.Cells[1].Text}")).Append("</h3>").Append(Figures(row.Cells, 2));
                    if (row.Cells.Count > 13 && !string.IsNullOrWhiteSpace(row.Cells[13].Text))
                    {
                        body.Append("<p class=\"note\">").Append(E(row.Cells[13].Text).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
                    }

                    body.Append("</article>");
                    break;
                case LayoutRowKind.Total:
                    body.Append(open ? "</section>" : "").Append("<section class=\"total\"><h2>").Append(E(row.Cells[0].Text)).Append("</h2>").Append(Figures(row.Cells, 2));
                    open = true;
                    break;
                case LayoutRowKind.Words:
                    body.Append("<p class=\"words\">").Append(E(row.Cells[0].Text)).Append("</p>");
                    break;
            }
        }

        body.Append(open ? "</section>" : "");
        var findings = rows.Where(r => r.Kind == LayoutRowKind.Finding).ToList();
        if (findings.Count > 0)
        {
            body.Append("<section class=\"findings\"><h2>ข้อสังเกตจากการนำเข้า</h2><ul>");
            foreach (var f in findings)
            {
                var where = f.Cells[0].Amount is { } n ? $"โครงการที่ {n:0}" : f.Cells[0].Text;
                body.Append("<li>").Append(E($"{where} · {f.Cells[1].Text}: {f.Cells[2].Text}")).Append("</li>");
            }

            body.Append("</ul></section>");
        }

        return Page(preamble.FirstOrDefault() ?? "รายงาน", body.ToString());
    }

    private static string Figures(IReadOnlyList<LayoutCell> cells, int from)
    {
        string M(int i) => cells.Count > i && cells[i].Amount is { } a ? ThaiAmount.FormatNumber(a) : "";
        var sb = new StringBuilder("<dl>");
        sb.Append("<dt>งบจัดสรร</dt><dd>").Append(M(from)).Append("</dd>");
        sb.Append("<dt>ใช้จริง</dt><dd>").Append(M(from + 9)).Append("</dd>");
        sb.Append("<dt>คงเหลือ</dt><dd>").Append(M(from + 10)).Append("</dd></dl>");
        sb.Append("<table><thead><tr><th>ไตรมาส</th><th>แผน</th><th>ผล</th></tr></thead><tbody>");
        for (var q = 0; q < 4; q++)
        {
            sb.Append("<tr><td>").Append(q + 1).Append("</td><td>").Append(M(from + 1 + (2 * q))).Append("</td><td>").Append(M(from + 2 + (2 * q))).Append("</td></tr>");
        }

        return sb.Append("</tbody></table>").ToString();
    }

    private static string Whole(LayoutCell cell) => cell.Amount is { } a ? a.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : cell.Text ?? "";

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Page(string title, string body) => $$$"""
        <!doctype html>
        <html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{{E(title)}}}</title>
        <style>
        @font-face{font-family:"Sarabun";src:url("/reports/sarabun.ttf") format("truetype")}
        *{box-sizing:border-box}
        body{font-family:"Sarabun","Noto Sans Thai","Leelawadee UI",sans-serif;margin:0 auto;padding:12px;max-width:760px;color:#222;line-height:1.45;overflow-wrap:anywhere}
        h1{font-size:1.25rem;margin:.2rem 0}header p{margin:.1rem 0;font-size:.95rem}
        h2{font-size:1.1rem;margin:1.2rem 0 .4rem;border-bottom:2px solid #4682b4}
        article,.total{border:1px solid #ccc;border-radius:8px;padding:.6rem;margin:.5rem 0;break-inside:avoid}
        h3{font-size:1rem;margin:0 0 .3rem}
        dl{display:grid;grid-template-columns:auto 1fr;gap:.1rem .6rem;margin:.2rem 0}dt{color:#555}dd{margin:0;text-align:right;font-variant-numeric:tabular-nums}
        table{width:100%;border-collapse:collapse;font-variant-numeric:tabular-nums}th,td{border:1px solid #ddd;padding:.15rem .3rem;text-align:right}th:first-child,td:first-child{text-align:center}
        .note{font-size:.9rem;color:#444;margin:.3rem 0 0}.words{font-weight:bold}.findings li{margin:.2rem 0}
        @media print{@page{size:A4 landscape;margin:10mm}body{max-width:none;columns:2;column-gap:8mm;font-size:11pt}header,h2{column-span:all}}
        </style></head><body>{{{body}}}</body></html>
        """;
}
