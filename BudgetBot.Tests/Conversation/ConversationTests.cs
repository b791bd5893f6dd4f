using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Conversation;
using BudgetBot.Tests.Storage;

namespace BudgetBot.Tests.Conversation;

public abstract class ConversationContract(StoreKind kind) : IDisposable
{
    private readonly ChatFixture _chat = new(kind: kind);

    public void Dispose()
    {
        _chat.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public void Spend_BriefExample_RepliesWithQuarterAndBalance()
    {
        var reply = Assert.Single(_chat.Say("local:owner", "จ่าย 7 11,550 15 ก.พ. 66 ประชุมคณะกรรมการคัดเลือกครูดี"));

        Assert.Equal(
            "บันทึกแล้ว โครงการ 7 เสริมสร้างและพัฒนาประสิทธิภาพการบริหารงานบุคคล (ประชุมงานประจำ)\n" +
            "11,550 บาท ลงวันที่ 15 ก.พ. 2566 (รายการ #N)\n" +
            "ไตรมาส 2/2566 แผน 36,050 บาท ผล 23,100 บาท\n" +
            "เบิกจ่ายแล้ว 23,310 บาท จากงบที่ได้รับจัดสรร 86,860 บาท (ร้อยละ 26.8) คงเหลือ 63,550 บาท",
            reply.Text.Replace($"#{_chat.Store.LastEntryBy(_chat.Store.PersonByIdentity("local:owner")!.Id)!.Id})", "#N)", StringComparison.Ordinal));
        Assert.Equal("ยกเลิก", Assert.Single(reply.AllButtons).Label);
        Assert.Equal(23_310m, _chat.Figures(7).Used);
    }

    [SkippableFact]
    public void Spend_SameMessageDeliveredTwice_CountsOnceAndGetsTheSameAnswer()
    {
        var message = _chat.Message("local:owner", "/spend 7 500");
        var first = _chat.Engine.Handle(message);
        var again = _chat.Engine.Handle(message);

        Assert.StartsWith("บันทึกแล้ว", Assert.Single(first).Text, StringComparison.Ordinal);
        Assert.Equal(first.Select(r => (r.Text, r.AllButtons.Single().Payload)), again.Select(r => (r.Text, r.AllButtons.Single().Payload)));
        Assert.Equal(11_760m + 500m, _chat.Figures(7).Used);
    }

    [SkippableFact]
    public void Undo_AfterSpend_ReversesAndShowsTheNewBalance()
    {
        _chat.Say("local:owner", "spend 17 1,000 today snacks");
        var reply = Assert.Single(_chat.Undo("local:owner", "ยกเลิก"));

        Assert.Contains("ยกเลิกแล้ว 1,000 บาท", reply.Text, StringComparison.Ordinal);
        Assert.Contains("เบิกจ่ายแล้ว 37,100 บาท จากงบที่ได้รับจัดสรร 70,200 บาท", reply.Text, StringComparison.Ordinal);
        Assert.Equal(37_100m, _chat.Figures(17).Used);
        Assert.Contains("ไม่มีรายการ", Assert.Single(_chat.Say("local:owner", "/undo")).Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Undo_AfterTheWindow_IsRefused()
    {
        _chat.Say("local:owner", "/spend 17 1000");
        var reply = Assert.Single(_chat.Say("local:owner", "/undo", at: ChatFixture.Now.AddHours(25)));
        Assert.Contains("24", reply.Text, StringComparison.Ordinal);
        Assert.Equal(38_100m, _chat.Figures(17).Used);
    }

    [SkippableFact]
    public void UndoButton_TappedTwice_ReversesOnce()
    {
        var undo = Assert.Single(_chat.Say("local:owner", "/spend 17 1000")[0].AllButtons);
        Assert.Contains("ยกเลิกแล้ว", _chat.Tap("local:owner", undo)[0].Text, StringComparison.Ordinal);
        Assert.Contains("ใช้ไปแล้ว", _chat.Tap("local:owner", undo)[0].Text, StringComparison.Ordinal);
        Assert.Equal(37_100m, _chat.Figures(17).Used);
    }

    [SkippableFact]
    public void FreeTextSpending_IsConfirmedWithOneTapBeforeItCounts()
    {
        var ask = Assert.Single(_chat.Say("local:owner", "จ่ายค่าอาหารว่าง 2,400 บาท โครงการ 17"));
        Assert.Contains("ใช่หรือไม่", ask.Text, StringComparison.Ordinal);
        Assert.Contains("\"ค่าอาหารว่าง\"", ask.Text, StringComparison.Ordinal);
        Assert.Equal(37_100m, _chat.Figures(17).Used);

        var done = _chat.Tap("local:owner", ask.AllButtons.First());
        Assert.StartsWith("บันทึกแล้ว โครงการ 17", done[0].Text, StringComparison.Ordinal);
        Assert.Equal(39_500m, _chat.Figures(17).Used);
        Assert.Contains("ใช้ไปแล้ว", _chat.Tap("local:owner", ask.AllButtons.First())[0].Text, StringComparison.Ordinal);
        Assert.Equal(39_500m, _chat.Figures(17).Used);
    }

    [SkippableFact]
    public void FreeTextSpending_CanBeCancelled_AndNothingCounts()
    {
        var before = _chat.Figures(17).Used;
        var ask = Assert.Single(_chat.Say("local:owner", "จ่ายค่าอาหารว่าง 2,400 บาท โครงการ 17"));
        Assert.Equal(["ยืนยัน", "ยกเลิก"], ask.AllButtons.Select(b => b.Label));

        Assert.StartsWith("ยกเลิกแล้ว ไม่ได้บันทึกอะไร", _chat.Tap("local:owner", ask.AllButtons.Last())[0].Text, StringComparison.Ordinal);
        Assert.Contains("ใช้ไปแล้ว", _chat.Tap("local:owner", ask.AllButtons.First())[0].Text, StringComparison.Ordinal);
        Assert.Equal(before, _chat.Figures(17).Used);
    }

    [SkippableFact]
    public void ConfirmButton_TappedBySomeoneElse_IsRefusedAndKept()
    {
        var ask = Assert.Single(_chat.Say("local:owner", "จ่ายค่าอาหารว่าง 2,400 บาท โครงการ 17"));
        Assert.Contains("เป็นของผู้ที่สั่ง", _chat.Tap("local:head", ask.AllButtons.First())[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("บันทึกแล้ว", _chat.Tap("local:owner", ask.AllButtons.First())[0].Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Spend_PastEightyPercent_IsRecordedWithAWarning()
    {
        var reply = Assert.Single(_chat.Say("local:owner", "/spend 17 20,000"));
        Assert.Contains("⚠", reply.Text, StringComparison.Ordinal);
        Assert.Equal(57_100m, _chat.Figures(17).Used);
    }

    [SkippableFact]
    public void Spend_PastTheAllocation_IsHeldUntilAnAdminConfirms()
    {
        var held = Assert.Single(_chat.Say("local:owner", "/spend 17 40,000 15/3/2566 อุปกรณ์"));
        Assert.Contains("ผู้ดูแลระบบกดยืนยัน", held.Text, StringComparison.Ordinal);
        Assert.Equal(37_100m, _chat.Figures(17).Used);

        Assert.Empty(held.AllButtons);
        var asked = Assert.Single(_chat.Store.Outbox(Domain.Ports.OutboxStatus.Pending, 100), i => i.Key.StartsWith("hold:", StringComparison.Ordinal));
        var button = asked.Reply.AllButtons.First();
        Assert.Contains("ผู้ดูแลระบบเท่านั้น", _chat.Tap("local:owner", button)[0].Text, StringComparison.Ordinal);
        Assert.Equal(37_100m, _chat.Figures(17).Used);
        var allocation = _chat.Figures(17).Allocation;
        var lacks = 77_100m - allocation;

        var approved = _chat.Tap("local:admin", button)[0].Text;
        Assert.StartsWith("บันทึกแล้ว", approved, StringComparison.Ordinal);
        Assert.Contains($"โอน {Say.Baht(lacks)} บาท จากเงินสำรอง", approved, StringComparison.Ordinal);
        Assert.Equal(77_100m, _chat.Figures(17).Used);

        // No project below zero without a recorded transfer: the reserve covered what it lacked.
        Assert.Equal(allocation + lacks, _chat.Figures(17).Allocation);
        Assert.Equal(0m, _chat.Figures(17).Remaining);
        Assert.Equal(BudgetEventKind.Transfer, Assert.Single(_chat.Store.BudgetEvents(_chat.OfficeId, 2566)).Kind);
        Assert.Contains("ได้รับอนุมัติและบันทึกแล้ว", Assert.Single(_chat.Store.Outbox(Domain.Ports.OutboxStatus.Pending, 100), i => i.Kind == "HoldOutcome").Reply.Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void HeldSpend_Rejected_RecordsNothing_AndTheOwnerIsTold()
    {
        _chat.Say("local:owner", "/spend 17 40,000 15/3/2566 อุปกรณ์");
        var asked = Assert.Single(_chat.Store.Outbox(Domain.Ports.OutboxStatus.Pending, 100), i => i.Key.StartsWith("hold:", StringComparison.Ordinal));

        Assert.StartsWith("ไม่อนุมัติ", _chat.Tap("local:admin", asked.Reply.AllButtons.Last())[0].Text, StringComparison.Ordinal);
        Assert.Contains("ใช้ไปแล้ว", _chat.Tap("local:admin", asked.Reply.AllButtons.First())[0].Text, StringComparison.Ordinal);

        Assert.Equal(37_100m, _chat.Figures(17).Used);
        Assert.Contains("ไม่ได้รับอนุมัติ", Assert.Single(_chat.Store.Outbox(Domain.Ports.OutboxStatus.Pending, 100), i => i.Kind == "HoldOutcome").Reply.Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void HeldSpend_TheReserveCannotCover_AsksForATransferFirst_AndTheButtonStays()
    {
        _chat.Say("local:admin", "/transfer 472020 reserve 9");
        _chat.Say("local:owner", "/spend 17 40,000 15/3/2566 อุปกรณ์");
        var approve = Assert.Single(_chat.Store.Outbox(Domain.Ports.OutboxStatus.Pending, 100), i => i.Key.StartsWith("hold:", StringComparison.Ordinal)).Reply.AllButtons.First();

        Assert.Contains("โอนจากโครงการอื่นก่อน", _chat.Tap("local:admin", approve)[0].Text, StringComparison.Ordinal);
        Assert.Equal(37_100m, _chat.Figures(17).Used);
        _chat.Say("local:admin", $"โอน {77_100m - _chat.Figures(17).Allocation} จาก 9 ไป 17");

        Assert.StartsWith("บันทึกแล้ว", _chat.Tap("local:admin", approve)[0].Text, StringComparison.Ordinal);
        Assert.Equal((77_100m, 0m), (_chat.Figures(17).Used, _chat.Figures(17).Remaining));
        Assert.Equal(new DateOnly(2023, 3, 15), _chat.Store.History(_chat.Figures(17) is var _ ? Domain.Budget.Project.KeyFor(_chat.OfficeId, 2566, 17) : "", 1)[0].Date);
    }

    [SkippableFact]
    public void Guards_SetForOneOffice_ApplyToThatOffice()
    {
        using var probe = new ChatFixture(kind: kind);
        using var chat = new ChatFixture(probe.Settings with { OfficeGuards = new Dictionary<string, GuardLevels> { [probe.OfficeId] = new(50, 60) } }, kind);
        Assert.Contains("⚠", chat.Say("local:owner", "/spend 17 100")[0].Text, StringComparison.Ordinal);
        Assert.Contains("ผู้ดูแลระบบกดยืนยัน", chat.Say("local:owner", "/spend 17 10,000")[0].Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ManyMessagesAtOnce_FromOnePerson_AreAllApplied()
    {
        var messages = Enumerable.Range(0, 40).Select(i => _chat.Message("local:owner", $"/spend {(i % 2 == 0 ? 7 : 17)} 10 n{i}")).ToList();
        await Task.WhenAll(messages.Select(m => Task.Run(() => _chat.Engine.Handle(m))));
        Assert.Equal(11_760m + 200m, _chat.Figures(7).Used);
        Assert.Equal(37_100m + 200m, _chat.Figures(17).Used);
    }

    [SkippableTheory]
    [InlineData("/spend 7 100 1/10/2566")]
    [InlineData("/spend 7 100 30 ก.ย. 65")]
    public void Spend_OutsideTheFiscalYear_IsRefusedWithTheRange(string text)
    {
        var reply = Assert.Single(_chat.Say("local:owner", text));
        Assert.Contains("นอกปีงบประมาณ 2566 (1 ต.ค. 2565 – 30 ก.ย. 2566)", reply.Text, StringComparison.Ordinal);
        Assert.Equal(11_760m, _chat.Figures(7).Used);
    }

    [SkippableTheory]
    [InlineData("/spend 7 12.345", "ทศนิยม")]
    [InlineData("/spend 7 -5", "ไม่ถูกต้อง")]
    [InlineData("/spend 7", "จำนวนเงิน")]
    [InlineData("/spend", "ระบุโครงการ")]
    [InlineData("/spend 99 100", "ไม่พบโครงการ")]
    [InlineData("/spend 7 0", "มากกว่าศูนย์")]
    public void Spend_BadInput_SaysWhatToTypeAndChangesNothing(string text, string expected)
    {
        var before = _chat.OfficeUsed;
        var reply = Assert.Single(_chat.Say("local:owner", text));
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.Equal(before, _chat.OfficeUsed);
    }

    [SkippableFact]
    public void Spend_OnSomeoneElsesProject_IsRefusedAndAudited()
    {
        var reply = Assert.Single(_chat.Say("local:owner", "/spend 8 100"));
        Assert.Contains("ไม่ใช่โครงการที่ท่านรับผิดชอบ", reply.Text, StringComparison.Ordinal);
        Assert.Contains(_chat.Store.AuditTrail(_chat.OfficeId, 10), a => a.Refused && a.SourceKey.EndsWith(":m1", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Group_OnlyAddressedMessagesAreAnswered()
    {
        Assert.Empty(_chat.Say("local:owner", "วันนี้ประชุมกี่โมง", ChatKind.Group));
        Assert.Empty(_chat.Say("local:owner", "/balance@otherbot 7", ChatKind.Group));
        Assert.NotEmpty(_chat.Say("local:owner", "/balance@budgetbot 7", ChatKind.Group));
        Assert.NotEmpty(_chat.Say("local:owner", "ยอด 7", ChatKind.Group));
        Assert.Empty(_chat.Say("local:owner", "จ่ายค่าอาหารว่าง 2,400 บาท โครงการ 17", ChatKind.Group));
    }

    [SkippableFact]
    public void Language_English_ChangesReplies()
    {
        Assert.Equal("Replies are now in English.", _chat.Say("local:owner", "/lang en")[0].Text);
        var reply = _chat.Say("local:owner", "/balance 7")[0].Text;
        Assert.StartsWith("Project 7", reply, StringComparison.Ordinal);
        Assert.Contains("Used 11,760 of 86,860 baht (13.5%), remaining 75,100 baht", reply, StringComparison.Ordinal);
        Assert.Equal("ตอบเป็นภาษาไทยแล้ว", _chat.Say("local:owner", "ภาษา th")[0].Text);
    }

    [SkippableFact]
    public void Unknown_Command_SuggestsTheNearest()
    {
        var reply = Assert.Single(_chat.Say("local:owner", "/balanse 7"));
        Assert.Contains("/balance", reply.Text, StringComparison.Ordinal);
        Assert.Contains("/help", reply.Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Stranger_IsToldHowToJoin()
    {
        Assert.Contains("/join", _chat.Say("telegram:999", "ยอด")[0].Text, StringComparison.Ordinal);
        Assert.Contains("/join", _chat.Say("telegram:998", "/help")[0].Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void ManyStrangersAtOnce_AtMostTwentyAMinuteAreAnswered()
    {
        var answered = Enumerable.Range(0, 50).Count(i => _chat.Say($"telegram:{70_000 + i}", "ยอด", at: ChatFixture.Now.AddSeconds(i)).Count > 0);
        Assert.Equal(BudgetBot.Domain.Conversation.ConversationEngine.StrangersPerMinute, answered);

        // A minute later the next ones are answered again.
        Assert.NotEmpty(_chat.Say("telegram:79999", "ยอด", at: ChatFixture.Now.AddMinutes(2)));
    }

    [SkippableFact]
    public void Stranger_IsAnsweredOnceADay_ButJoinIsAlwaysRead()
    {
        Assert.Contains("/join", _chat.Say("telegram:999", "ยอด")[0].Text, StringComparison.Ordinal);
        for (var i = 0; i < 40; i++)
        {
            Assert.Empty(_chat.Say("telegram:999", $"/spend 7 {i + 1} x", at: ChatFixture.Now.AddMinutes(i)));
        }

        Assert.Contains("ใช้ไม่ได้", _chat.Say("telegram:999", "/join ABCD1234", at: ChatFixture.Now.AddHours(1))[0].Text, StringComparison.Ordinal);
        Assert.Contains("/join", _chat.Say("telegram:999", "/help", at: ChatFixture.Now.AddHours(25))[0].Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Invite_ThenJoin_GivesTheRoleOnce_AndLinksASecondPlatform()
    {
        var invite = _chat.Say("local:admin", "/invite owner 8")[0].Text;
        var code = invite.Split(' ', '\n').First(w => w.Length == 8 && w.All(char.IsLetterOrDigit) && w.Any(char.IsUpper));

        Assert.Contains("ยินดีต้อนรับ", _chat.Say("telegram:555", $"/join {code}")[0].Text, StringComparison.Ordinal);
        Assert.Contains("ใช้ไม่ได้", _chat.Say("telegram:556", $"/join {code}")[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("บันทึกแล้ว โครงการ 8", _chat.Say("telegram:555", "จ่าย 8 1,000")[0].Text, StringComparison.Ordinal);

        var link = _chat.Say("telegram:555", "เชิญ ฉัน")[0].Text;
        var linkCode = link.Split(' ', '\n').First(w => w.Length == 8 && w.All(char.IsLetterOrDigit) && w.Any(char.IsUpper));
        Assert.Contains("เชื่อมบัญชี", _chat.Say("line:Uabc", $"เข้าร่วม {linkCode}")[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("บันทึกแล้ว โครงการ 8", _chat.Say("line:Uabc", "จ่าย 8 500")[0].Text, StringComparison.Ordinal);
        Assert.Equal(_chat.Store.PersonByIdentity("telegram:555")!.Id, _chat.Store.PersonByIdentity("line:Uabc")!.Id);
    }

    [SkippableFact]
    public void ConfiguredAdmin_IsAdminOnFirstContact()
    {
        using var chat = new ChatFixture(new EngineSettings { Admins = ["telegram:42"] }, kind);
        Assert.Contains("แผนทั้งปี", chat.Say("telegram:42", "/plan 7 q4 18,000")[0].Text, StringComparison.Ordinal);
        Assert.Equal(18_000m, chat.Figures(7).Plan.Q4);
    }

    [SkippableFact]
    public void Projects_ForAdmin_ArePagedWithButtons()
    {
        var first = Assert.Single(_chat.Say("local:admin", "โครงการ"));
        Assert.StartsWith("โครงการ 49 รายการ (หน้า 1/5)", first.Text, StringComparison.Ordinal);
        var next = Assert.Single(first.AllButtons);
        var second = Assert.Single(_chat.Tap("local:admin", next));
        Assert.StartsWith("โครงการ 49 รายการ (หน้า 2/5)", second.Text, StringComparison.Ordinal);
        Assert.Contains("11. ", second.Text, StringComparison.Ordinal);
        Assert.Equal(2, second.AllButtons.Count());
    }

    [SkippableFact]
    public void NameFragment_WithSeveralMatches_OffersButtons()
    {
        var reply = Assert.Single(_chat.Say("local:admin", "ยอด ภาษาไทย"));
        Assert.Equal(2, reply.AllButtons.Count());
        var picked = _chat.Tap("local:admin", reply.AllButtons.First());
        Assert.StartsWith("โครงการ 37", picked[0].Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Office_Balance_MatchesTheSeedReport()
    {
        var reply = _chat.Say("local:executive", "ยอด")[0].Text;
        Assert.Contains("(49 โครงการ)", reply, StringComparison.Ordinal);
        Assert.Contains("ไตรมาส 2/2566 แผน 774,740 บาท ผล 672,510 บาท", reply, StringComparison.Ordinal);
        Assert.Contains("เบิกจ่ายแล้ว 862,370 บาท จากงบที่ได้รับจัดสรร 1,975,480 บาท (ร้อยละ 43.7) คงเหลือ 1,113,110 บาท", reply, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Lagging_Q2_ListsProjectsBehindPlanBiggestFirst()
    {
        var reply = _chat.Say("local:admin", "ล่าช้า q2")[0].Text;
        Assert.StartsWith("ต่ำกว่าแผนถึงไตรมาส 2/2566:", reply, StringComparison.Ordinal);
        Assert.Contains("ต่ำกว่าแผนถึงไตรมาส 2/2566: 15 โครงการ\n8. ", reply, StringComparison.Ordinal);
        Assert.Contains("7. เสริมสร้างและพัฒนาประสิทธิภาพการบริหารงานบุคคล (ประชุมงานประจำ) — ต่ำกว่าแผน 27,950 (แผน 39,710 ผล 11,760)", reply, StringComparison.Ordinal);
        var next = Assert.Single(_chat.Say("local:admin", "ล่าช้า q2")[0].AllButtons, b => b.Label != "กราฟ");
        var second = _chat.Tap("local:admin", next)[0];
        Assert.Equal(5, second.Text.Split('\n').Length - 1);
        Assert.Equal(["◀ ก่อนหน้า", "กราฟ"], second.AllButtons.Select(b => b.Label));
    }

    [SkippableFact]
    public void Status_Progress_AndHistory_AreRecorded()
    {
        Assert.Contains("จบโครงการ", _chat.Say("local:owner", "สถานะ 17 จบโครงการ")[0].Text, StringComparison.Ordinal);
        Assert.Contains("บันทึกความก้าวหน้า", _chat.Say("local:owner", "ความก้าวหน้า 17 จัดนิเทศครบ 20 โรงเรียน")[0].Text, StringComparison.Ordinal);
        var project = _chat.Store.Project(Domain.Budget.Project.KeyFor(_chat.OfficeId, 2566, 17))!;
        Assert.Equal(Domain.Budget.ProjectStatus.Done, project.Status);
        Assert.Equal("จัดนิเทศครบ 20 โรงเรียน", project.Notes[^1].Text);
        Assert.Contains("30,680", _chat.Say("local:auditor", "ประวัติ 17")[0].Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Report_ForExecutive_AttachesTheSpreadsheet()
    {
        var reply = Assert.Single(_chat.Say("local:executive", "รายงาน h1"));
        var file = Assert.Single(reply.Attachments);
        Assert.Equal(AttachmentKind.Spreadsheet, file.Kind);
        // The reply starts with the office's headline: the same as the page's first screen and the weekly summary.
        Assert.Contains("เทียบแผนของหน่วยงานถึงไตรมาส 2: แผน 1,064,090 บาท ผล 862,370 บาท (ร้อยละ 81.0 ของแผน)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("ต่ำกว่าแผนมากที่สุด:\n8. ", reply.Text, StringComparison.Ordinal);
        Assert.Equal(5, reply.Text.Split('\n').Count(l => l.Contains(" — ต่ำกว่าแผน ", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public void Spend_WithThreeDecimals_IsRefusedInWords_NotWithAnInternalName()
    {
        using var chat = new ChatFixture(kind: kind);

        var reply = chat.Say("local:owner", "/spend 7 1.234 15/2/2566")[0].Text;

        Assert.DoesNotContain("TooManyDecimals", reply, StringComparison.Ordinal);
        Assert.Contains("ทศนิยม", reply, StringComparison.Ordinal);
    }
}

public sealed class ConversationTestsOnLiteDb() : ConversationContract(StoreKind.LiteDb);

public sealed class ConversationTestsOnPostgres() : ConversationContract(StoreKind.Postgres);

public sealed class ConversationTestsOnMemory() : ConversationContract(StoreKind.Memory);
