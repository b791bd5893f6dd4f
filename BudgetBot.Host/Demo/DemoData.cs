using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;
using BudgetBot.Domain.Reconciliation;
using BudgetBot.Host.Options;
using BudgetBot.Host.Reports;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Demo;

/// <summary>
/// On an empty data dir: the shipped report imported with its repairs, and one demo person per role, so a newcomer
/// can try everything without a token (<c>local:admin</c>, <c>local:executive</c>, <c>local:head</c>, <c>local:owner</c>, <c>local:auditor</c>).
/// </summary>
internal sealed class DemoData(IBudgetStore store, IChatStore chat, ReportFileReader reader, IOptions<BudgetBotOptions> options, TimeProvider clock, ILogger<DemoData> logger)
{
    public void EnsureSeeded()
    {
        var offices = store.Offices().Count;
        if (offices > 0)
        {
            Log.DataLoaded(logger, options.Value.DataDir, offices);
            return;
        }

        var path = BudgetBotConfiguration.Resolve(options.Value.DemoReport);
        if (!File.Exists(path))
        {
            Log.DemoMissing(logger, path);
            return;
        }

        var file = reader.Read(path);
        var result = ReportImport.Analyze(file.Lines, acceptRepairs: true);
        var snapshot = result.ToSnapshot(clock.GetUtcNow(), file.SourceId);
        store.Import(snapshot);
        Log.DemoImported(logger, result.Facts.OfficeName, result.Facts.FiscalYear, result.ProjectCount, result.Findings.Count, result.RepairsOffered, options.Value.DemoReport);
        var people = AddPeople(snapshot.Office.Id, snapshot.Year.FiscalYear);
        Log.DemoPeople(logger, people);
    }

    /// <summary>
    /// In demo mode on a data dir where a report was imported first (the README's walk-through): the demo people join
    /// the first office's latest year, so <c>chat --as local:owner</c> answers. Nothing when they exist already.
    /// </summary>
    public void EnsurePeople()
    {
        if (chat.Person("demo-admin") is not null || store.Offices() is not [var office, ..] || store.FiscalYears(office.Id) is not [.., var year])
        {
            return;
        }

        var added = AddPeople(office.Id, year);
        Log.DemoPeople(logger, added);
    }

    /// <summary>Says what the data dir holds; an existing data file gets no demo data, even with no office in it.</summary>
    public void Loaded()
    {
        var offices = store.Offices().Count;
        if (offices == 0)
        {
            Log.NoOffice(logger, options.Value.DataDir);
        }
        else
        {
            Log.DataLoaded(logger, options.Value.DataDir, offices);
        }
    }

    /// <summary>Outside demo mode: the demo people keep their names (the audit trail refers to them) but lose every role.</summary>
    public void RetireDemoPeople()
    {
        var offices = store.Offices();
        if (offices.Count == 0)
        {
            Log.NoOffice(logger, options.Value.DataDir);
            return;
        }

        Log.DataLoaded(logger, options.Value.DataDir, offices.Count);
        var retired = 0;
        foreach (var key in DemoKeys)
        {
            if (chat.Person($"demo-{key}") is { Roles.Count: > 0 } person)
            {
                chat.SavePerson(person with { Roles = [] });
                retired++;
            }
        }

        if (retired > 0)
        {
            Log.DemoPeopleRetired(logger, retired);
        }
    }

    private static readonly string[] DemoKeys = ["admin", "executive", "head", "owner", "auditor"];

    private int AddPeople(string office, int fiscalYear)
    {
        var p7 = store.Project(Project.KeyFor(office, fiscalYear, 7));
        var p17 = store.Project(Project.KeyFor(office, fiscalYear, 17));
        var people = new List<Person>
        {
            Demo("admin", "ผู้ดูแลระบบ (ทดลอง)", new RoleGrant(office, Role.Admin, null)),
            Demo("executive", "ผู้บริหาร (ทดลอง)", new RoleGrant(office, Role.Executive, null)),
            Demo("head", "หัวหน้ากลุ่มนิเทศ (ทดลอง)", new RoleGrant(office, Role.DivisionHead, p17?.DivisionId)),
            Demo("owner", "ผู้รับผิดชอบโครงการ (ทดลอง)", new RoleGrant(office, Role.Owner, null)),
            Demo("auditor", "ผู้ตรวจสอบ (ทดลอง)", new RoleGrant(office, Role.Auditor, null)),
        };
        foreach (var person in people)
        {
            chat.SavePerson(person);
        }

        foreach (var project in new[] { p7, p17 }.OfType<Project>())
        {
            store.SaveProject(project with { Owners = [.. project.Owners, "demo-owner"] });
        }

        return people.Count;
    }

    private static Person Demo(string key, string name, RoleGrant grant) =>
        new($"demo-{key}", name) { Identities = [$"local:{key}"], Roles = [grant] };
}
