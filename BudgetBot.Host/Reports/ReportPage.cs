using System.Net;
using System.Text;
using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Conversation;
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
        app.MapGet("/reports/{token}", (string token, IChatStore chat, IBudgetStore store, ReportExporter exporter, Jobs.CalendarData calendar, TimeProvider clock, IOptions<BudgetBotOptions> options, HttpContext http) =>
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
            var headline = OfficeHeadline.ForReport(store, link.OfficeId, link.FiscalYear, round, store.Submitted(link.OfficeId, link.FiscalYear, round.LastQuarter), calendar.Targets);
            // For auditors: every receipt of the year, each opened under this page's own token.
            var site = options.Value.PublicBaseUrl ?? $"{http.Request.Scheme}://{http.Request.Host}";
            var receipts = chat.Receipts(link.OfficeId, link.FiscalYear).GroupBy(r => r.EntryId)
                .SelectMany(g => g.Select((r, i) => (Receipt: r, Entry: store.Entry(g.Key), Href: Messaging.Links.Absolute(Receipt.Path(token, g.Key, i + 1), site) ?? Receipt.Path(token, g.Key, i + 1))))
                .ToList();
            return Results.Content(Render(rows, headline, receipts), "text/html; charset=utf-8", Encoding.UTF8);
        });
    }

    /// <summary>
    /// The layout as HTML for a manager's phone: the office's headline first (what is paid and committed, against its
    /// plan and the cabinet's target, and the five projects furthest behind), then each division folded, its project
    /// cards inside, then the total, then where the money came from (the report's preamble), then the findings.
    /// </summary>
    public static string Render(IReadOnlyList<LayoutRow> rows, OfficeHeadline headline, IReadOnlyList<(Receipt Receipt, LedgerEntry? Entry, string Href)>? receipts = null)
    {
        var body = new StringBuilder();
        var preamble = rows.Where(r => r.Kind == LayoutRowKind.Preamble).Select(r => r.Cells[0].Text ?? "").ToList();
        // The heading's own lines (period, year, office, as-of date) in one short paragraph; the lines about money
        // (the allocation letters) go after the divisions, where the money's origin is read.
        var (heading, money) = (preamble.Skip(1).Where(l => !l.Contains("บาท", StringComparison.Ordinal)).ToList(), preamble.Skip(1).Where(l => l.Contains("บาท", StringComparison.Ordinal)).ToList());
        body.Append("<header><h1>").Append(E(preamble.FirstOrDefault())).Append("</h1><p>").Append(string.Join(" · ", heading.Select(E))).Append("</p></header>");
        body.Append(Headline(headline));
        var open = false;
        foreach (var row in rows)
        {
            switch (row.Kind)
            {
                case LayoutRowKind.Division:
                    // Folded: a manager opens the division they are asked about; printed, every one is open.
                    body.Append(open ? "</details>" : "").Append("<details class=\"division\"><summary>").Append(E(row.Cells[0].Text)).Append("</summary>");
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
                    body.Append(open ? "</details>" : "").Append("<section class=\"total\"><h2>").Append(E(row.Cells[0].Text)).Append("</h2>").Append(Figures(row.Cells, 2));
                    open = false;
                    body.Append("</section>");
                    break;
                case LayoutRowKind.Words:
                    body.Append("<p class=\"words\">").Append(E(row.Cells[0].Text)).Append("</p>");
                    break;
            }
        }

        body.Append(open ? "</details>" : "");
        if (money.Count > 0)
        {
            body.Append("<section class=\"preamble\"><h2>ที่มาของงบประมาณ</h2>");
            foreach (var line in money)
            {
                body.Append("<p>").Append(E(line)).Append("</p>");
            }

            body.Append("</section>");
        }

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

        if (receipts is { Count: > 0 })
        {
            body.Append("<section class=\"receipts\"><h2>ใบเสร็จที่แนบกับรายการ (").Append(receipts.Count).Append(")</h2><ul>");
            foreach (var (receipt, entry, href) in receipts)
            {
                var what = entry is null ? $"รายการ #{receipt.EntryId}" : $"รายการ #{entry.Id} · {ThaiDate.Short(entry.Date)} · {Say.Baht(entry.Amount)} บาท · {entry.Note}";
                body.Append("<li><a href=\"").Append(E(href)).Append("\">").Append(E(what)).Append("</a></li>");
            }

            body.Append("</ul></section>");
        }

        return Page(preamble.FirstOrDefault() ?? "รายงาน", body.ToString());
    }

    /// <summary>The office's headline as the first screen: the same figures and words as <c>/report</c>'s reply.</summary>
    private static string Headline(OfficeHeadline h)
    {
        var f = h.Total;
        var q = h.Quarter;
        string Row(string label, string value, string? rate = null) =>
            $"<dt>{E(label)}</dt><dd>{E(value)}{(rate is null ? "" : $"<br><span class=\"rate\">{E(rate)}</span>")}</dd>";
        var sb = new StringBuilder("<section class=\"headline\"><h2>ภาพรวมของหน่วยงาน</h2><dl>");
        sb.Append(Row("งบที่ได้รับจัดสรร", $"{Say.Baht(f.Allocation)} บาท"));
        sb.Append(Row("เบิกจ่ายแล้ว", $"{Say.Baht(f.Used)} บาท", $"ร้อยละ {Say.Rate(f.PercentUsed)}"));
        sb.Append(Row("เบิกจ่ายและผูกพัน", $"{Say.Baht(f.Used + f.Committed + f.CarriedOver)} บาท", $"ร้อยละ {Say.Rate(f.PercentUsedOrCommitted)}"));
        sb.Append(Row($"แผนถึงไตรมาส {q}", $"แผน {Say.Baht(f.PlanToDate(q))} บาท ผล {Say.Baht(f.ActualToDate(q))} บาท", $"ร้อยละ {Say.Rate(h.PercentOfPlan)} ของแผน"));
        sb.Append(Row($"เป้าหมาย ครม. ถึงไตรมาส {q}", h.Target.Target is { } t ? $"ร้อยละ {Say.Rate(t.Percent)} (รายจ่ายประจำ)" : "ยังไม่มีเป้าหมายที่ทราบ"));
        sb.Append("</dl>");
        if (h.Behind.Count > 0)
        {
            sb.Append("<h3>ต่ำกว่าแผนมากที่สุด</h3><ol class=\"behind\">");
            foreach (var (project, gap) in h.Behind)
            {
                sb.Append("<li>").Append(E($"{project.Number}. {project.Name}")).Append(" <b>").Append(E($"ต่ำกว่าแผน {Say.Baht(gap)} บาท")).Append("</b></li>");
            }

            sb.Append("</ol>");
        }

        return sb.Append("</section>").ToString();
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
        article,.total,.headline{border:1px solid #ccc;border-radius:8px;padding:.6rem;margin:.5rem 0;break-inside:avoid}
        .headline{border:2px solid #1f4e79;background:#f4f8fc}.headline h2{margin-top:0}.behind{padding-left:1.4rem;margin:.2rem 0}.behind li{margin:.15rem 0}
        details.division{margin:.4rem 0}details.division>summary{font-size:1.05rem;font-weight:bold;padding:.35rem 0;border-bottom:2px solid #4682b4;cursor:pointer}
        .preamble p{margin:.15rem 0;font-size:.95rem}.rate{white-space:nowrap;font-weight:bold;color:#1f4e79}
        h3{font-size:1rem;margin:0 0 .3rem}
        dl{display:grid;grid-template-columns:auto 1fr;gap:.1rem .6rem;margin:.2rem 0}dt{color:#555}dd{margin:0;text-align:right;font-variant-numeric:tabular-nums}
        table{width:100%;border-collapse:collapse;font-variant-numeric:tabular-nums}th,td{border:1px solid #ddd;padding:.15rem .3rem;text-align:right}th:first-child,td:first-child{text-align:center}
        .note{font-size:.9rem;color:#444;margin:.3rem 0 0}.words{font-weight:bold}.findings li{margin:.2rem 0}
        @media print{@page{size:A4 landscape;margin:10mm}body{max-width:none;columns:2;column-gap:8mm;font-size:11pt}header,h2{column-span:all}details.division>summary{list-style:none}}
        </style></head><body>{{{body}}}</body></html>
        """;
}
