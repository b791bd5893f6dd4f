using System.Globalization;

namespace BudgetBot.Domain.Conversation;

/// <summary>Long lists a page at a time, with previous and next buttons that run the same command for another page.</summary>
internal static class Paging
{
    private const string Marker = "page:";

    /// <summary>Splits a trailing <c>page:N</c> (put there by a button) from the command's own arguments.</summary>
    public static (string Args, int Page) Split(string args)
    {
        var at = args.LastIndexOf(Marker, StringComparison.Ordinal);
        return at >= 0 && int.TryParse(args[(at + Marker.Length)..], CultureInfo.InvariantCulture, out var page)
            ? (args[..at].Trim(), page)
            : (args, 1);
    }

    public static (IReadOnlyList<T> Shown, IReadOnlyList<IReadOnlyList<Button>> Buttons) Page<T>(CommandContext ctx, IReadOnlyList<T> all, int page, string command)
    {
        var size = ctx.Settings.PageSize;
        var pages = Math.Max(1, (all.Count + size - 1) / size);
        page = Math.Clamp(page, 1, pages);
        var buttons = new List<Button>();
        if (page > 1)
        {
            buttons.Add(new Button(ctx.Say["◀ ก่อนหน้า", "◀ Previous"], ProjectPicker.Pending(ctx, $"{command} {Marker}{page - 1}")));
        }

        if (page < pages)
        {
            buttons.Add(new Button(ctx.Say["ถัดไป ▶", "Next ▶"], ProjectPicker.Pending(ctx, $"{command} {Marker}{page + 1}")));
        }

        return (all.Skip((page - 1) * size).Take(size).ToList(), buttons.Count > 0 ? [buttons] : []);
    }
}
