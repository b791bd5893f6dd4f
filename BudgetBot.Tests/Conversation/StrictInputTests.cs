namespace BudgetBot.Tests.Conversation;

/// <summary>Input that looks like a date or an amount but is not one is refused with the reason, never guessed.</summary>
public sealed class StrictInputTests : IDisposable
{
    private readonly ChatFixture _chat = new();

    public void Dispose() => _chat.Dispose();

    [Theory]
    [InlineData("จ่าย 7 100 31 ก.พ. 70", "31 ก.พ. 70")]
    [InlineData("/spend 7 100 30/2/2566 snacks", "30/2/2566")]
    [InlineData("/spend 7 100 2023-02-30", "2023-02-30")]
    [InlineData("/spend 7 100 32 มกราคม 2566", "32 มกราคม 2566")]
    public void Spend_WithADateThatDoesNotExist_IsRefusedAndNamesIt(string text, string date)
    {
        var reply = Assert.Single(_chat.Say("local:owner", text)).Text;
        Assert.Contains(date, reply, StringComparison.Ordinal);
        Assert.Contains("ไม่ใช่วันที่", reply, StringComparison.Ordinal);
        Assert.Equal(11_760m, _chat.Figures(7).Used);
    }

    [Theory]
    [InlineData("/spend 17 1.2 million 15/2/2566", 1_200_000)]
    [InlineData("/spend 17 1.2m 15/2/2566", 1_200_000)]
    [InlineData("/spend 17 2 thousand 15/2/2566", 2_000)]
    [InlineData("/spend 17 2k 15/2/2566", 2_000)]
    [InlineData("/spend 17 2 K 15/2/2566", 2_000)]
    public void Spend_EnglishScaleWords_ReadLikeTheThaiOnes(string text, decimal amount)
    {
        var before = _chat.Figures(17).Used;
        _chat.Say("local:admin", text);
        var held = _chat.Store.AuditTrail(_chat.OfficeId, 10).Any(a => a.Detail.Contains("held", StringComparison.Ordinal));
        Assert.True(held || _chat.Figures(17).Used == before + amount, $"{text}: used {_chat.Figures(17).Used - before}");
        if (held)
        {
            Assert.Contains(_chat.Store.AuditTrail(_chat.OfficeId, 10), a => a.Detail.Contains(amount.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Spend_Success_SaysTheDateItRecorded()
    {
        var reply = _chat.Say("local:owner", "/spend 7 100")[0].Text;
        Assert.Contains("ลงวันที่ 20 ก.พ. 2566", reply, StringComparison.Ordinal);
    }

    [Fact]
    public void OverTheAllocation_TheAdminsAreAskedAtOnce_TheOwnerIsToldWho()
    {
        var held = _chat.Say("local:owner", "/spend 7 100000 15/2/2566")[0];

        Assert.Empty(held.AllButtons); // a button only an admin may tap is no use to the owner
        Assert.Contains("ผู้ดูแลระบบ (ทดลอง)", held.Text, StringComparison.Ordinal);
        var admin = _chat.Store.Person("demo-admin")!;
        var asked = _chat.Store.Outbox(Domain.Ports.OutboxStatus.Pending, 100)
            .Single(i => i.PersonId == admin.Id && i.Key.StartsWith("hold:", StringComparison.Ordinal));
        Assert.Contains("คำขออนุมัติ", asked.Reply.Text, StringComparison.Ordinal);
        Assert.Contains("จะโอน 24,900 บาท จากเงินสำรอง", asked.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(["อนุมัติ (ผู้ดูแลระบบ)", "ไม่อนุมัติ"], asked.Reply.AllButtons.Select(b => b.Label));
    }

    [Fact]
    public void OverTheAllocation_AfterAnAdminApproves_TheReserveCoversIt_AndTheReplySaysSo()
    {
        _chat.Say("local:owner", "/spend 7 100000 15/2/2566");
        var asked = _chat.Store.Outbox(Domain.Ports.OutboxStatus.Pending, 100).Single(i => i.Key.StartsWith("hold:", StringComparison.Ordinal));
        var approve = asked.Reply.AllButtons.First();
        var reply = _chat.Engine.Handle(_chat.Message("local:admin", "") with { ButtonPayload = approve.Payload })[0].Text;

        // 11,760 + 100,000 of 86,860 would be 24,900 over: the reserve gives that, and the project ends at 100%.
        Assert.Contains("โอน 24,900 บาท จากเงินสำรอง", reply, StringComparison.Ordinal);
        Assert.True(reply.Contains("เบิกจ่ายแล้ว 111,760 บาท จากงบที่ได้รับจัดสรร 111,760 บาท (ร้อยละ 100.0) คงเหลือ 0 บาท", StringComparison.Ordinal), reply);
        Assert.DoesNotContain("คงเหลือ -", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("เกินงบ", reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Undo_SentThreeTimes_CancelsOnlyTheLatestEntry()
    {
        _chat.Say("local:owner", "/spend 7 100 15/2/2566");
        _chat.Say("local:owner", "/spend 7 200 15/2/2566");
        _chat.Say("local:owner", "/spend 7 300 15/2/2566");

        Assert.Contains("ยกเลิกแล้ว 300", _chat.Undo("local:owner")[0].Text, StringComparison.Ordinal);
        Assert.Contains("ไม่มีรายการล่าสุดให้ยกเลิก", _chat.Say("local:owner", "/undo")[0].Text, StringComparison.Ordinal);
        Assert.Contains("ไม่มีรายการล่าสุดให้ยกเลิก", _chat.Say("local:owner", "ยกเลิก")[0].Text, StringComparison.Ordinal);
        Assert.Equal(11_760m + 300m, _chat.Figures(7).Used);
    }

    [Fact]
    public void NameFragment_WithManyMatches_PagesThroughAllOfThem()
    {
        var expected = _chat.Store.Projects(_chat.OfficeId, 2566).Where(p => p.Name.Contains("พัฒนา", StringComparison.Ordinal)).Select(p => p.Number).Order().ToList();
        Assert.True(expected.Count > 16, $"{expected.Count} matches");

        var seen = new List<int>();
        var reply = _chat.Say("local:executive", "/balance พัฒนา")[0];
        Assert.Contains("พิมพ์ชื่อให้ยาวขึ้น", reply.Text, StringComparison.Ordinal);
        for (var page = 1; page < 10; page++)
        {
            Assert.Contains($"หน้า {page}/", reply.Text, StringComparison.Ordinal);
            var picks = reply.AllButtons.Where(b => char.IsAsciiDigit(b.Label[0])).ToList();
            Assert.InRange(picks.Count, 1, 8);
            seen.AddRange(picks.Select(b => int.Parse(b.Label.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)));
            var next = reply.AllButtons.FirstOrDefault(b => b.Label.StartsWith("ถัดไป", StringComparison.Ordinal));
            if (next is null)
            {
                break;
            }

            reply = _chat.Tap("local:executive", next)[0];
        }

        Assert.Equal(expected, seen.Order().ToList());

        // A choice on a later page still runs the command for that project.
        var last = reply.AllButtons.Last(b => char.IsAsciiDigit(b.Label[0]));
        Assert.StartsWith("โครงการ " + last.Label.Split(' ')[0], _chat.Tap("local:executive", last)[0].Text, StringComparison.Ordinal);
    }
}
