using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Storage;

internal sealed partial class LiteDbBudgetStore : IChatStore
{
    public void SaveProject(Project project) => InTransaction(() =>
    {
        _projects.Update(Bson.Project(project));
        _projectCache[project.Id] = project;
        _projectsChanged = true;
    });

    public void SaveYear(FiscalYearBudget year) => InTransaction(() =>
    {
        var doc = _years.FindById(year.Id) ?? throw new InvalidOperationException($"no year {year.Id}");
        _years.Update(Bson.Year(year, doc["source"].AsString));
    });

    public LedgerEntry? LastEntryBy(string personId) =>
        _ledger.Query().Where(Where.Is("by", personId)).OrderByDescending("_id").Limit(1).ToEnumerable().Select(Bson.Entry).FirstOrDefault();

    public bool IsReversed(long entryId) => _ledger.Exists(Where.Is("rev", entryId));
}
