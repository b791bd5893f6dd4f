using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Conversation;
using BudgetBot.Tests.Storage;

namespace BudgetBot.Tests.Conversation;

/// <summary>Allocation letters and transfers by chat on the demo office (FY2566, 20 Feb 2566), on every store.</summary>
public abstract class BudgetYearContract(StoreKind kind) : IDisposable
{
    private readonly ChatFixture _chat = new(kind: kind);

    public void Dispose()
    {
        _chat.Dispose();
        GC.SuppressFinalize(this);
    }

    private FiscalYearBudget Year => _chat.Store.FiscalYear(_chat.OfficeId, 2566)!;

    private decimal Allocation(int project) => _chat.Store.Project(Project.KeyFor(_chat.OfficeId, 2566, project))!.Allocation;

    private YearMoney Money => YearMoney.Of(Year, _chat.Store.Projects(_chat.OfficeId, 2566), _chat.Store.BudgetEvents(_chat.OfficeId, 2566));

    [SkippableFact]
    public void ThirdLetter_GrowsTheYearAndTheProjectsEnvelope_AndIsPrintedLikeTheFirstTwo()
    {
        var envelope = Year.EnvelopeAmount(EnvelopeKind.Projects);

        var reply = _chat.Say("local:admin", "จัดสรร 500,000 ศธ 04006/ว 1234 15 ก.พ. 66 โครงการ")[0].Text;

        Assert.Contains("ครั้งที่ 3", reply, StringComparison.Ordinal);
        Assert.Contains("รวมได้รับจัดสรรทั้งปี 4,500,000 บาท (3 ครั้ง)", reply, StringComparison.Ordinal);
        Assert.Equal(4_500_000m, Year.Received);
        Assert.Equal(envelope + 500_000m, Year.EnvelopeAmount(EnvelopeKind.Projects));
        var round = Year.Rounds[^1];
        Assert.Equal(new AllocationRound(3, 500_000m, round.Letter), round);
        Assert.Equal("ที่ ศธ 04006/ว 1234 ลงวันที่ 15 กุมภาพันธ์ 2566", round.Letter!.Raw);
        Assert.Equal((1234, new DateOnly(2023, 2, 15)), (round.Letter.Number!.Value, round.Letter.Date!.Value));
        Assert.Equal(500_000m, Money.Unallocated - (envelope - Money.Allocated));
        Assert.Equal(BudgetEventKind.Round, Assert.Single(_chat.Store.BudgetEvents(_chat.OfficeId, 2566)).Kind);
    }

    [SkippableFact]
    public void Letter_AsOfficialsWriteIt_StatesItsRound_AndAWrongRoundIsRefused()
    {
        Assert.Contains("ครั้งถัดไปของปีนี้คือครั้งที่ 3", _chat.Say("local:admin", "ได้รับจัดสรรครั้งที่ 4 500,000 บาท ที่ ศธ 04006/ว 1234 ลงวันที่ 15 ก.พ. 66")[0].Text, StringComparison.Ordinal);
        Assert.Equal(2, Year.Rounds.Count);

        Assert.Contains("ครั้งที่ 3", _chat.Say("local:admin", "ได้รับจัดสรรครั้งที่ 3 500,000 บาท ที่ ศธ 04006/ว 1234 ลงวันที่ 15 ก.พ. 66 สำรอง")[0].Text, StringComparison.Ordinal);
        Assert.Equal(472_020m + 500_000m, Year.EnvelopeAmount(EnvelopeKind.Reserve));
    }

    [SkippableTheory]
    [InlineData("จัดสรร 500,000", "พิมพ์จำนวนเงิน")]
    [InlineData("จัดสรร 500,000 ศธ 04006/ว 1234", "ไม่พบวันที่")]
    [InlineData("จัดสรร 500,000 ศธ 04006/ว 1234 31 ก.พ. 66", "ไม่พบวันที่")]
    [InlineData("จัดสรร 500,000 ศธ 04006/ว 1234 15 มี.ค. 66", "ยังมาไม่ถึง")]
    [InlineData("จัดสรร 500,000 ศธ 04006/ว 1234 15 มี.ค. 64", "ไม่อยู่ในปีงบประมาณ")]
    [InlineData("จัดสรร 5OO,000 ศธ 04006/ว 1234 15 ก.พ. 66", "จำนวนเงินไม่ถูกต้อง")]
    [InlineData("จัดสรร 0 ศธ 04006/ว 1234 15 ก.พ. 66", "มากกว่า 0")]
    [InlineData("จัดสรร 500,000 หนังสือ 15 ก.พ. 66", "ไม่พบเลขที่หนังสือ")]
    public void BadLetter_IsRefusedWithWhatToType_AndChangesNothing(string text, string why)
    {
        Assert.Contains(why, _chat.Say("local:admin", text)[0].Text, StringComparison.Ordinal);
        Assert.Equal(4_000_000m, Year.Received);
        Assert.Empty(_chat.Store.BudgetEvents(_chat.OfficeId, 2566));
    }

    [SkippableFact]
    public void Transfer_BetweenProjects_MovesAllocation_AndKeepsTheTotal()
    {
        var (seven, nine, total) = (Allocation(7), Allocation(9), _chat.Store.Projects(_chat.OfficeId, 2566).Sum(p => p.Allocation));

        var reply = _chat.Say("local:admin", "โอน 5,000 จาก 9 ไป 7")[0].Text;

        Assert.Contains("โอน 5,000 บาท จากโครงการ 9 ไปโครงการ 7 แล้ว", reply, StringComparison.Ordinal);
        Assert.Equal((seven + 5_000m, nine - 5_000m), (Allocation(7), Allocation(9)));
        Assert.Equal(total, _chat.Store.Projects(_chat.OfficeId, 2566).Sum(p => p.Allocation));
        Assert.Equal(seven + 5_000m, _chat.Figures(7).Allocation);
        var recorded = Assert.Single(_chat.Store.BudgetEvents(_chat.OfficeId, 2566));
        Assert.Equal((BudgetEventKind.Transfer, 5_000m, Project.KeyFor(_chat.OfficeId, 2566, 9), Project.KeyFor(_chat.OfficeId, 2566, 7), new DateOnly(2023, 2, 20)),
            (recorded.Kind, recorded.Amount, recorded.From, recorded.To, recorded.Date));
    }

    [SkippableFact]
    public void Transfer_NeverTakesMoreThanTheSourceHasLeft()
    {
        var unused = _chat.Figures(7).Remaining;
        var (seven, nine) = (Allocation(7), Allocation(9));

        var reply = _chat.Say("local:admin", $"/transfer {unused + 0.01m} 7 9")[0].Text;

        Assert.Contains($"เหลือให้โอนได้ {Say.Baht(unused)} บาท", reply, StringComparison.Ordinal);
        Assert.Equal((seven, nine), (Allocation(7), Allocation(9)));
        Assert.Contains("โอน", _chat.Say("local:admin", $"/transfer {unused} 7 9")[0].Text, StringComparison.Ordinal);
        Assert.Equal(0m, _chat.Figures(7).Remaining);
    }

    [SkippableFact]
    public void Transfer_FromTheReserveAndFromUnallocatedMoney_LowersWhatThePoolHasLeft()
    {
        var reserve = Money.ReserveLeft;
        _chat.Say("local:admin", "จัดสรร 500,000 ศธ 04006/ว 99 15 ก.พ. 66");
        var unallocated = Money.Unallocated;

        Assert.Contains("เงินสำรองคงเหลือ", _chat.Say("local:admin", "/transfer 2000 reserve 7")[0].Text, StringComparison.Ordinal);
        Assert.Contains("ยังไม่จัดสรร", _chat.Say("local:admin", "โอน 30,000 จาก ยังไม่จัดสรร ไป โครงการ 8")[0].Text, StringComparison.Ordinal);

        Assert.Equal(reserve - 2_000m, Money.ReserveLeft);
        Assert.Equal(unallocated - 30_000m, Money.Unallocated);
        Assert.Contains("ไม่พอโอน", _chat.Say("local:admin", $"โอน {unallocated} จาก ยังไม่จัดสรร ไป 8")[0].Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void NewProject_TakesTheNextNumber_AndItsMoneyFromUnallocated_ThenTakesSpendingAndPlans()
    {
        var count = _chat.Store.Projects(_chat.OfficeId, 2566).Count;
        var next = _chat.Store.Projects(_chat.OfficeId, 2566).Max(p => p.Number) + 1;
        Assert.Contains("ไม่พอ", _chat.Say("local:admin", "เพิ่มโครงการ กลุ่มนิเทศ 50,000 อบรมครูภาษาอังกฤษ")[0].Text, StringComparison.Ordinal);
        _chat.Say("local:admin", "จัดสรร 500,000 ศธ 04006/ว 1234 15 ก.พ. 66");
        var unallocated = Money.Unallocated;

        var reply = _chat.Say("local:admin", "เพิ่มโครงการ กลุ่มนิเทศ 50,000 อบรมครูภาษาอังกฤษ")[0].Text;

        Assert.StartsWith($"เพิ่มโครงการ {next} อบรมครูภาษาอังกฤษ ใน", reply, StringComparison.Ordinal);
        var added = _chat.Store.Project(Project.KeyFor(_chat.OfficeId, 2566, next))!;
        Assert.Equal((50_000m, "อบรมครูภาษาอังกฤษ"), (added.Allocation, added.Name));
        Assert.Contains("นิเทศ", _chat.Store.Divisions(_chat.OfficeId).Single(d => d.Id == added.DivisionId).Name, StringComparison.Ordinal);
        Assert.Equal(count + 1, _chat.Store.Projects(_chat.OfficeId, 2566).Count);
        Assert.Equal(unallocated - 50_000m, Money.Unallocated);
        Assert.Contains($"ไม่พอ", _chat.Say("local:admin", $"/addproject นิเทศ {unallocated} another one")[0].Text, StringComparison.Ordinal);

        Assert.StartsWith($"บันทึกแล้ว โครงการ {next}", _chat.Say("local:admin", $"จ่าย {next} 1,000 ค่าวัสดุ")[0].Text, StringComparison.Ordinal);
        _chat.Say("local:admin", $"แผน {next} ไตรมาส 3 25,000");
        Assert.Equal((1_000m, 25_000m), (_chat.Figures(next).Used, _chat.Figures(next).Plan.Q3));
        Assert.Empty(_chat.Store.VerifyBalances());
    }

    [SkippableTheory]
    [InlineData("เพิ่มโครงการ กลุ่มนิเทศ 50,000", "พิมพ์กลุ่ม งบประมาณ และชื่อโครงการ")]
    [InlineData("เพิ่มโครงการ 50,000 อบรม", "พิมพ์กลุ่ม งบประมาณ และชื่อโครงการ")]
    [InlineData("เพิ่มโครงการ กลุ่มที่ไม่มี 50,000 อบรมครู", "ไม่พบกลุ่ม")]
    [InlineData("เพิ่มโครงการ กลุ่มนิเทศ 0 อบรมครู", "มากกว่า 0")]
    public void BadNewProject_IsRefusedWithWhatToType(string text, string why)
    {
        _chat.Say("local:admin", "จัดสรร 500,000 ศธ 04006/ว 1234 15 ก.พ. 66");
        var count = _chat.Store.Projects(_chat.OfficeId, 2566).Count;

        Assert.Contains(why, _chat.Say("local:admin", text)[0].Text, StringComparison.Ordinal);

        Assert.Equal(count, _chat.Store.Projects(_chat.OfficeId, 2566).Count);
    }

    [SkippableFact]
    public void OwnersRequest_GoesToTheAdmins_AndMovesMoneyOnlyWhenApproved_AndTheOwnerIsTold()
    {
        var (seven, nine) = (Allocation(7), Allocation(9));

        Assert.StartsWith("ส่งคำขอโอน 1,000 บาท จากโครงการ 9 ไปโครงการ 7 ให้ผู้ดูแลระบบแล้ว", _chat.Say("local:owner", "โอน 1,000 จาก 9 ไป 7")[0].Text, StringComparison.Ordinal);
        Assert.Equal((seven, nine), (Allocation(7), Allocation(9)));
        var asked = Assert.Single(_chat.Store.Outbox(Domain.Ports.OutboxStatus.Pending, 100), o => o.Kind == "TransferRequest");
        var (approve, reject) = (asked.Reply.AllButtons.First(), asked.Reply.AllButtons.Last());

        Assert.StartsWith("อนุมัติการโอน", _chat.Tap("local:admin", approve)[0].Text, StringComparison.Ordinal);
        Assert.Contains("ใช้ไปแล้ว", _chat.Tap("local:admin", reject)[0].Text, StringComparison.Ordinal);

        Assert.Equal((seven + 1_000m, nine - 1_000m), (Allocation(7), Allocation(9)));
        var recorded = Assert.Single(_chat.Store.BudgetEvents(_chat.OfficeId, 2566));
        Assert.Equal(("local:admin", "local:owner"), (Identity(recorded.By), Identity(recorded.RequestedBy!)));
        var told = Assert.Single(_chat.Store.Outbox(Domain.Ports.OutboxStatus.Pending, 100), o => o.Kind == "TransferOutcome");
        Assert.Contains("ได้รับอนุมัติแล้ว", told.Reply.Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void RejectedRequest_MovesNothing_AndTheOwnerIsTold()
    {
        var seven = Allocation(7);
        _chat.Say("local:owner", "/transfer 500 reserve 7");
        var asked = Assert.Single(_chat.Store.Outbox(Domain.Ports.OutboxStatus.Pending, 100), o => o.Kind == "TransferRequest");

        Assert.Contains("ปุ่มนี้สำหรับผู้ดูแลระบบเท่านั้น", _chat.Tap("local:owner", asked.Reply.AllButtons.First())[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("ไม่อนุมัติการโอน", _chat.Tap("local:admin", asked.Reply.AllButtons.Last())[0].Text, StringComparison.Ordinal);

        Assert.Equal(seven, Allocation(7));
        Assert.Empty(_chat.Store.BudgetEvents(_chat.OfficeId, 2566));
        Assert.Contains("ไม่ได้รับอนุมัติ", Assert.Single(_chat.Store.Outbox(Domain.Ports.OutboxStatus.Pending, 100), o => o.Kind == "TransferOutcome").Reply.Text, StringComparison.Ordinal);
    }

    private string Identity(string personId) => _chat.Store.Person(personId)!.Identities[0];

    [SkippableFact]
    public void SameMessageTwice_MovesMoneyOnce()
    {
        var message = _chat.Message("local:admin", "โอน 1,000 จาก 9 ไป 7");
        var seven = Allocation(7);

        var first = _chat.Engine.Handle(message);
        var again = _chat.Engine.Handle(message);

        Assert.Equal(first[0].Text, again[0].Text);
        Assert.Equal(seven + 1_000m, Allocation(7));
        Assert.Single(_chat.Store.BudgetEvents(_chat.OfficeId, 2566));
    }

    [SkippableTheory]
    [InlineData("โอน 1,000 จาก 9", "พิมพ์จำนวนเงิน ต้นทาง และปลายทาง")]
    [InlineData("โอน 1,000 จาก 9 ไป สำรอง", "โอนได้เฉพาะเข้าโครงการ")]
    [InlineData("โอน 1,000 จาก 9 ไป 9", "โครงการเดียวกัน")]
    [InlineData("โอน 1,000 จาก 9 ไป 999", "ไม่พบโครงการนี้")]
    [InlineData("โอน -1,000 จาก 9 ไป 7", "จำนวนเงินไม่ถูกต้อง")]
    [InlineData("โอน 1,000.555 จาก 9 ไป 7", "ทศนิยม")]
    [InlineData("โอน 1,000 จาก ที่ไหนสักแห่ง ไป 7", "พิมพ์จำนวนเงิน ต้นทาง และปลายทาง")]
    public void BadTransfer_IsRefusedWithWhatToType_AndMovesNothing(string text, string why)
    {
        var before = _chat.Store.Projects(_chat.OfficeId, 2566).Select(p => p.Allocation).ToList();

        Assert.Contains(why, _chat.Say("local:admin", text)[0].Text, StringComparison.Ordinal);

        Assert.Equal(before, _chat.Store.Projects(_chat.OfficeId, 2566).Select(p => p.Allocation).ToList());
        Assert.Empty(_chat.Store.BudgetEvents(_chat.OfficeId, 2566));
    }

    [SkippableFact]
    public void InEnglish_TheSameCommandsAnswerInEnglish()
    {
        _chat.Say("local:admin", "/lang en");
        Assert.Contains("Recorded round 3", _chat.Say("local:admin", "/round 250000 ศธ 04006/ว 77 2023-02-01 recurring")[0].Text, StringComparison.Ordinal);
        Assert.Contains("Moved 1,000 baht from the project 9 to the project 7", _chat.Say("local:admin", "/transfer 1000 from 9 to 7")[0].Text, StringComparison.Ordinal);
    }
}

public sealed class BudgetYearTestsOnLiteDb() : BudgetYearContract(StoreKind.LiteDb);

public sealed class BudgetYearTestsOnPostgres() : BudgetYearContract(StoreKind.Postgres);

public sealed class BudgetYearTestsOnMemory() : BudgetYearContract(StoreKind.Memory);
