using System.Collections.Concurrent;
using System.Globalization;
using BudgetBot.Domain.Budget;

namespace BudgetBot.Host.Storage.Postgres;

/// <summary>
/// An office's years, divisions and projects change rarely (an import, a project saved) but are read by nearly every
/// message. Each host keeps them in memory with the office's catalog version; a read asks for that one small row (once
/// per unit of work) and reads the office again only when another host or this one has changed it.
/// </summary>
internal sealed partial class PostgresStore
{
    private readonly ConcurrentDictionary<string, OfficeCatalog> _catalogs = new();

    private OfficeCatalog Catalog(string officeId)
    {
        var version = CatalogVersion(officeId);
        if (_catalogs.TryGetValue(officeId, out var cached) && cached.Version == version)
        {
            return cached;
        }

        var years = Query("SELECT fiscal_year, json FROM years WHERE office_id = $1 ORDER BY fiscal_year", r => (r.GetInt32(0), JsonPayload.Read<FiscalYearBudget>(r.GetString(1))), officeId)
            .ToDictionary(y => y.Item1, y => y.Item2);
        var projects = Query("SELECT fiscal_year, json FROM projects WHERE office_id = $1 ORDER BY fiscal_year, number", r => (r.GetInt32(0), JsonPayload.Read<Project>(r.GetString(1))), officeId)
            .GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => (IReadOnlyList<Project>)g.Select(p => p.Item2).ToList());
        var divisions = Query("SELECT id, office_id, name, ord FROM divisions WHERE office_id = $1 ORDER BY ord", r => new Division(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3)), officeId);
        var fresh = new OfficeCatalog(version, years, projects, divisions);
        _catalogs[officeId] = fresh;
        return fresh;
    }

    /// <summary>The office's version, asked once per unit of work (its writes bump it, and forget the answer).</summary>
    private long CatalogVersion(string officeId)
    {
        if (_unit.Value is { } unit && unit.Versions.TryGetValue(officeId, out var seen))
        {
            return seen;
        }

        var version = Scalar("SELECT version FROM catalog_versions WHERE office_id = $1", officeId) is long v ? v : 0;
        _unit.Value?.Versions.TryAdd(officeId, version);
        return version;
    }

    /// <summary>Inside the write's transaction: other hosts see the new version when it commits, and read the office again.</summary>
    private void CatalogChanged(string officeId)
    {
        Execute("INSERT INTO catalog_versions (office_id, version) VALUES ($1, 1) ON CONFLICT (office_id) DO UPDATE SET version = catalog_versions.version + 1", officeId);
        _unit.Value?.Versions.Remove(officeId);
        _unit.Value?.Changed.Add(officeId);
        _catalogs.TryRemove(officeId, out _);
    }

    /// <summary>A project id is <c>office/year/number</c>; its office's catalog has it.</summary>
    private static (string Office, int Year)? OfficeAndYear(string projectId) =>
        projectId.Split('/') is [var office, var year, _] && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var fy) ? (office, fy) : null;

    private sealed record OfficeCatalog(
        long Version, Dictionary<int, FiscalYearBudget> Years, Dictionary<int, IReadOnlyList<Project>> Projects, IReadOnlyList<Division> Divisions);
}
