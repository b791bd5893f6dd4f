using Hangfire;
using Hangfire.Dashboard;

namespace BudgetBot.Host.Jobs;

/// <summary>
/// What the platforms add to <c>/readyz</c> (LINE's quota) shows on the dashboard's home page too. Hangfire keeps the
/// home page's metrics in one list for the whole process, read as every page renders: each figure is added once, and
/// reads the figures of the host that serves the page, so a host added later neither changes the list under another
/// host's page nor shows its own figures there.
/// </summary>
internal static class DashboardFigures
{
    private static readonly HashSet<string> Added = [];

    public static void Add(IGlobalConfiguration config, IEnumerable<Messaging.IReadinessFigures> figures)
    {
        lock (Added)
        {
            foreach (var name in figures.Select(f => f.Name).Where(Added.Add))
            {
                config.UseDashboardMetric(new DashboardMetric("budgetbot:" + name, name, page => new Metric(Summary(page, name) ?? "—")));
            }
        }
    }

    private static string? Summary(RazorPage page, string name) =>
        page.Context is AspNetCoreDashboardContext served
            ? served.HttpContext.RequestServices.GetServices<Messaging.IReadinessFigures>().FirstOrDefault(f => f.Name == name)?.Summary()
            : null;
}
