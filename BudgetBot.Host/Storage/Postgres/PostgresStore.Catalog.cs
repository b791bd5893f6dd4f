using BudgetBot.Domain.Budget;

namespace BudgetBot.Host.Storage.Postgres;

/// <summary>
/// An office's catalog in its tables, with a version per office that every write moves on, so a host that keeps the
/// catalog in memory (<see cref="StoreRules"/>) reads it again when another host has changed it.
/// </summary>
internal sealed partial class PostgresStore
{
    protected override CatalogRows ReadCatalog(string officeId) => new(
        One("SELECT office_id, name FROM offices WHERE office_id = $1", r => new Office(r.GetString(0), r.GetString(1)), officeId),
        Query("SELECT json, source FROM years WHERE office_id = $1", r => (JsonPayload.Read<FiscalYearBudget>(r.GetString(0)), r.GetString(1)), officeId),
        Query("SELECT id, office_id, name, ord FROM divisions WHERE office_id = $1", r => new Division(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3)), officeId),
        Query("SELECT json FROM projects WHERE office_id = $1", r => JsonPayload.Read<Project>(r.GetString(0)), officeId));

    protected override void PutCatalog(CatalogRows rows)
    {
        if (rows.Office is { } o)
        {
            Execute("INSERT INTO offices (office_id, name) VALUES ($1, $2) ON CONFLICT (office_id) DO UPDATE SET name = excluded.name", o.Id, o.Name);
        }

        foreach (var (y, source) in rows.Years)
        {
            Execute("INSERT INTO years (office_id, id, fiscal_year, source, json) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (office_id, id) DO UPDATE SET json = excluded.json",
                y.OfficeId, y.Id, y.FiscalYear, source, JsonPayload.Write(y));
        }

        foreach (var d in rows.Divisions)
        {
            Execute("INSERT INTO divisions (office_id, id, name, ord) VALUES ($1, $2, $3, $4) ON CONFLICT (office_id, id) DO UPDATE SET name = excluded.name, ord = excluded.ord",
                d.OfficeId, d.Id, d.Name, d.Order);
        }

        foreach (var p in rows.Projects)
        {
            Execute("INSERT INTO projects (office_id, id, fiscal_year, number, json) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (office_id, id) DO UPDATE SET number = excluded.number, json = excluded.json",
                p.OfficeId, p.Id, p.FiscalYear, p.Number, JsonPayload.Write(p));
        }
    }

    /// <summary>Asked once per unit of work (its writes move it on, and forget the answer).</summary>
    protected override long CatalogVersion(string officeId)
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
    protected override void CatalogChanged(string officeId)
    {
        Execute("INSERT INTO catalog_versions (office_id, version) VALUES ($1, 1) ON CONFLICT (office_id) DO UPDATE SET version = catalog_versions.version + 1", officeId);
        _unit.Value?.Versions.Remove(officeId);
    }
}
