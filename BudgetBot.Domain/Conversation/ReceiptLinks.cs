using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Domain.Conversation;

/// <summary>Links to receipts' pictures, each opening one entry's receipts only, for as long as a report link works.</summary>
public static class ReceiptLinks
{
    /// <summary>A new link for the entry's receipts; the path of each is <see cref="Receipt.Path"/> under the token returned.</summary>
    public static string NewToken(IPeople links, string officeId, int fiscalYear, long entryId, DateTimeOffset now, TimeSpan lifetime)
    {
        var token = ReportLink.NewToken();
        links.SaveReportLink(new ReportLink(ReportLink.Hash(token), officeId, fiscalYear, "", now + lifetime) { EntryId = entryId });
        return token;
    }

    /// <summary>A button per receipt of the entries shown (two to a row): what <c>/history</c> offers beside its lines.</summary>
    public static IReadOnlyList<IReadOnlyList<Button>> Buttons(CommandContext ctx, Project project, IEnumerable<long> shown, ILookup<long, Receipt> receipts)
    {
        var buttons = new List<Button>();
        foreach (var id in shown.Where(receipts.Contains))
        {
            var token = NewToken(ctx.Chat, project.OfficeId, project.FiscalYear, id, ctx.Message.At, ctx.Settings.ReportLinkLifetime);
            var count = receipts[id].Count();
            buttons.AddRange(Enumerable.Range(1, count).Select(n =>
                Button.Link(ctx.Say[$"📎 ใบเสร็จ #{id}{(count > 1 ? $" ({n})" : "")}", $"📎 Receipt #{id}{(count > 1 ? $" ({n})" : "")}"], Receipt.Path(token, id, n))));
        }

        return buttons.Chunk(2).Select(row => (IReadOnlyList<Button>)row).ToList();
    }
}
