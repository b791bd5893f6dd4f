using System.Globalization;
using System.Text.RegularExpressions;
using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;
using BudgetBot.Domain.Reconciliation;
using BudgetBot.Host.Cli;
using BudgetBot.Host.Reports;
using BudgetBot.Host.Storage;

namespace BudgetBot.Tests.Host;

/// <summary>
/// The seed office lives through FY2566 by chat, each session at its own time (<c>chat --at</c>): a third letter, a new
/// project, transfers (one asked for by an owner and approved), a commitment paid by reference, a refund, an admin's
/// reversal, the half-year closed and a late entry, a held spend approved with a transfer, and a carry-over paid in
/// FY2567 against <c>8/2566</c>. The year's report is checked against a computation of the test's own.
/// </summary>
public sealed partial class BudgetYearRehearsalTests
{
    private readonly string _dir = Seed.TempDir();

    [Fact]
    public void TheWholeYear_ByChat_GivesAYearReportThatMatchesTheEvents()
    {
        var model = Model.FromSeed();

        // April: the half-year is submitted; a late entry afterwards does not change it.
        Chat("local:admin", "2023-04-05T09:00", "ปิดรอบ 6 เดือน", expect: "ปิดรอบรายงาน 6 เดือน");
        var h1Before = Export("h1", "2023-04-05");
        Chat("local:admin", "2023-04-10T09:00", "จ่าย 7 1,000 15 มี.ค. 66 ค่าวัสดุ", expect: "บันทึกย้อนหลังในรอบที่ส่งรายงานแล้ว");
        model.Spend(7, 2, 1_000m);
        Assert.Equal(h1Before, Export("h1", "2023-04-11"));

        // May: a third letter, a new project from it, an admin's transfer and an owner's approved one.
        Chat("local:admin", "2023-05-15T09:00", "จัดสรร 500,000 ศธ 04006/ว 1234 10 พ.ค. 66 โครงการ", expect: "บันทึกการจัดสรรครั้งที่ 3");
        var added = Chat("local:admin", "2023-05-15T09:10", "เพิ่มโครงการ กลุ่มนิเทศ 50,000 อบรมครูภาษาอังกฤษ", expect: "เพิ่มโครงการ");
        var newProject = int.Parse(AddedNumber().Match(added).Groups[1].Value, CultureInfo.InvariantCulture);
        model.Add(newProject, 50_000m);
        Chat("local:admin", "2023-05-15T09:20", "โอน 5,000 จาก 9 ไป 7", expect: "โอน 5,000 บาท จากโครงการ 9 ไปโครงการ 7 แล้ว");
        model.Move(9, 7, 5_000m);
        Chat("local:owner", "2023-05-16T09:00", "โอน 2,000 จาก 17 ไป 7", expect: "ส่งคำขอโอน");
        Chat("local:admin", "2023-05-16T10:00", "1", expect: "อนุมัติการโอน 2,000 บาท");
        model.Move(17, 7, 2_000m);

        // A contract paid by reference, money returned, a wrong entry reversed by an admin.
        Chat("local:owner", "2023-05-20T09:00", "ผูกพัน 7 20,000 สัญญาเลขที่ 12/2566", expect: "บันทึกก่อหนี้ผูกพันแล้ว");
        Chat("local:owner", "2023-05-25T09:00", "จ่าย 7 8,000 งวดที่ 1 อ้างอิง 12/2566", expect: "บันทึกแล้ว");
        model.Spend(7, 3, 8_000m);
        Chat("local:owner", "2023-05-26T09:00", "คืนเงิน 7 500 เงินยืมเหลือ", expect: "บันทึกคืนเงินแล้ว");
        model.Spend(7, 3, -500m);
        Chat("local:owner", "2023-05-27T09:00", "จ่าย 17 1,234 ค่าวัสดุ", expect: "บันทึกแล้ว");
        var history = Chat("local:admin", "2023-05-28T09:00", "ประวัติ 17", expect: "1,234");
        var wrong = EntryNumber().Match(history).Groups[1].Value;
        Chat("local:admin", "2023-05-28T09:05", $"กลับรายการ {wrong} บันทึกผิดโครงการ", expect: $"กลับรายการ #{wrong} แล้ว");

        // June: a spend over the allocation is held; the admin approves and the reserve covers what it lacks.
        var lacks = model.Used(17) + 40_000m - model.Allocation(17);
        Chat("local:owner", "2023-06-01T09:00", "จ่าย 17 40,000 อุปกรณ์", expect: "ยังไม่ได้บันทึก");
        Chat("local:admin", "2023-06-01T10:00", "1", expect: $"โอน {Domain.Conversation.Say.Baht(lacks)} บาท จากเงินสำรอง");
        model.Move(null, 17, lacks);
        model.Spend(17, 3, 40_000m);

        // September: a contract not paid by the year's end is carried over; FY2567 arrives; it is paid in October.
        Chat("local:admin", "2023-09-25T09:00", "ผูกพัน 8 30,000 13/2566", expect: "บันทึกก่อหนี้ผูกพันแล้ว");
        Chat("local:admin", "2023-09-25T09:10", "กันเงินเหลื่อมปี 8 30,000 13/2566", expect: "กันเงินเหลื่อมปีแล้ว");
        ImportNextYear();
        Chat("local:admin", "2023-10-20T09:00", "จ่าย 8/2566 10,000 งวดสุดท้าย อ้างอิง 13/2566", expect: "บันทึกเบิกจ่ายเงินกันเหลื่อมปีแล้ว");

        // The year's report: every project's allocation and quarters as the events say, and it reads back the same.
        var year = ExportFile("year", "2023-10-21");
        var lines = new ReportFileReader().Read(year).Lines;
        var text = string.Join('\n', lines.Select(l => string.Join(' ', l.Cells)));
        Assert.Contains("ครั้งที่ 3 จำนวนงบประมาณ 500,000", text, StringComparison.Ordinal);
        Assert.Contains("โอน 5,000.00 บาท จากโครงการที่ 9 ไปโครงการที่ 7", text, StringComparison.Ordinal);
        Assert.Contains("เลขที่ 12/2566 คงค้าง 12,000.00 บาท", text, StringComparison.Ordinal);
        Assert.Contains("เลขที่ 13/2566 กันไว้ 30,000.00 บาท เบิกแล้ว 10,000.00 บาท", text, StringComparison.Ordinal);
        Assert.Contains("โครงการที่ 7 500.00 บาท (1 รายการ)", text, StringComparison.Ordinal);
        var again = ReportImport.Analyze(lines, acceptRepairs: false);
        foreach (var (row, figures) in again.Readings)
        {
            var n = row.Number!.Value;
            Assert.True(model.Allocation(n) == figures.Allocation, $"project {n}: allocation {figures.Allocation}, events say {model.Allocation(n)}");
            Assert.True(model.Quarters(n) == figures.Result, $"project {n}: quarters {figures.Result}, events say {model.Quarters(n)}");
        }

        Assert.Equal(model.Count, again.Readings.Count);
        using var store = new LiteDbBudgetStore(Path.Combine(_dir, "budgetbot.db"));
        var office = store.Offices()[0].Id;
        Assert.Equal(store.Projects(office, 2566).Sum(p => store.Balance(p.Id).Actual.Total), again.Readings.Sum(r => r.Value.Used));
        Assert.Empty(store.VerifyBalances());
    }

    private string Chat(string who, string at, string line, string expect)
    {
        var output = new StringWriter();
        var code = CliVerbs.Run(["chat", "--as", who, "--data-dir", _dir, "--at", at], output, output, new StringReader(line + "\n"));
        var text = output.ToString();
        Assert.True(code == 0 && text.Contains(expect, StringComparison.Ordinal), $"{who} at {at}: {line}\n{text}");
        return text;
    }

    private string Export(string round, string at) => string.Join('\n', new ReportFileReader().Read(ExportFile(round, at)).Lines.Select(l => string.Join('|', l.Cells)));

    private string ExportFile(string round, string at)
    {
        var path = Path.Combine(_dir, $"{round}-{at}.xlsx");
        var output = new StringWriter();
        Assert.True(CliVerbs.Run(["export", path, "--round", round, "--fiscal-year", "2566", "--data-dir", _dir], output, output) == 0, output.ToString());
        return path;
    }

    private void ImportNextYear()
    {
        using var store = new LiteDbBudgetStore(Path.Combine(_dir, "budgetbot.db"));
        var office = store.Offices()[0].Id;
        var last = store.FiscalYear(office, 2566)!;
        var next = new BudgetSnapshot("fy2567", store.Office(office)!, new FiscalYearBudget(office, 2567) { Rounds = [last.Rounds[0]], Envelopes = last.Envelopes },
            store.Divisions(office), [.. store.Projects(office, 2566).Select(p => new Project(office, 2567, p.Number, p.Name, p.DivisionId, p.Allocation, p.Plan))], []);
        Assert.Equal(ImportWrite.Written, store.Import(next));
    }

    [GeneratedRegex(@"เพิ่มโครงการ ([0-9]+) ")]
    private static partial Regex AddedNumber();

    [GeneratedRegex(@"#([0-9]+) [^\n]*1,234")]
    private static partial Regex EntryNumber();

    /// <summary>The test's own account of the year: the seed's figures with every event of the test applied by hand.</summary>
    private sealed class Model
    {
        private readonly Dictionary<int, decimal> _allocation = [];
        private readonly Dictionary<int, QuarterAmounts> _actual = [];

        public int Count => _allocation.Count;

        public static Model FromSeed()
        {
            var model = new Model();
            var snapshot = Seed.Analyze(acceptRepairs: true).ToSnapshot(Tests.Storage.StoreFixture.At, "seed");
            foreach (var p in snapshot.Projects)
            {
                model._allocation[p.Number] = p.Allocation;
                model._actual[p.Number] = QuarterAmounts.Zero;
            }

            foreach (var e in snapshot.Entries)
            {
                var n = snapshot.Projects.Single(p => p.Id == e.ProjectId).Number;
                model._actual[n] = model._actual[n].Add(e.Quarter, e.Amount);
            }

            return model;
        }

        public decimal Allocation(int n) => _allocation[n];

        public QuarterAmounts Quarters(int n) => _actual[n];

        public decimal Used(int n) => _actual[n].Total;

        public void Spend(int n, int quarter, decimal amount) => _actual[n] = _actual[n].Add(quarter, amount);

        public void Move(int? from, int to, decimal amount)
        {
            if (from is { } f)
            {
                _allocation[f] -= amount;
            }

            _allocation[to] += amount;
        }

        public void Add(int n, decimal allocation)
        {
            _allocation[n] = allocation;
            _actual[n] = QuarterAmounts.Zero;
        }
    }
}
