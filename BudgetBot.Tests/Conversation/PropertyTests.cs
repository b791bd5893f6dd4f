using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Conversation.Parsing;
using CsCheck;

namespace BudgetBot.Tests.Conversation;

/// <summary>Random messages built from the words people really type: nothing throws, and nothing refused moves a baht.</summary>
public sealed class PropertyTests
{
    private static readonly string[] Fragments =
    [
        "/spend", "/balance", "/undo", "/plan", "/status", "/progress", "/history", "/lagging", "/report", "/lang", "/join", "/invite",
        "จ่าย", "เบิก", "ใช้", "ยอด", "ยกเลิก", "แผน", "สถานะ", "โครงการ", "โครงการที่", "ความก้าวหน้า", "ล่าช้า", "เข้าร่วม",
        "7", "17", "8", "99", "#17", "๑๗", "0", "-5", "11,550", "1,23,4", "12.345", "2,400", "1.2", "ล้าน", "บาท", "บ.", "฿",
        "15 ก.พ. 66", "31/2/2566", "2023-02-30", "1/10/2566", "วันนี้", "เมื่อวาน", "q2", "q9", "done", "จบโครงการ", "en", "th",
        "@budgetbot", "@otherbot", "ค่าอาหารว่าง", "🙂", "'", "\"", "<b>", "\t", "", " ", "กลุ่มนิเทศ", "ABCD2345",
    ];

    private static readonly Gen<string> Messages =
        Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i]).Array[0, 7].Select(parts => string.Join(' ', parts));

    private static readonly Gen<string> Noise = Gen.Char["/#๐๑๒๓abcจ่ายยอด0123456789 ,.-฿บาท"].Array[0, 30].Select(c => new string(c));

    [Fact]
    public void Parse_AnyString_NeverThrows() =>
        Messages.Sample(text =>
        {
            CommandParser.Parse(text, ChatKind.Private, botUsername: "budgetbot");
            CommandParser.Parse(text, ChatKind.Group, mentionsBot: true, botUsername: "budgetbot");
            SpendArgsParser.Parse(text, new DateOnly(2023, 2, 20));
            SpendSentence.Read(text, new DateOnly(2023, 2, 20));
        }, iter: 2_000, threads: 1);

    [Fact]
    public void Engine_AnyMessage_NeverThrowsAndOnlyARecordingChangesFigures()
    {
        using var chat = new ChatFixture();
        Gen.Select(Messages, Noise, Gen.Int[0, 2]).Sample((text, noise, who) =>
        {
            var identity = who switch { 0 => "local:owner", 1 => "local:auditor", _ => "telegram:31337" };
            var before = chat.OfficeUsed;
            var replies = chat.Say(identity, text + " " + noise);
            var recorded = replies.Any(r => r.Text.StartsWith("บันทึกแล้ว", StringComparison.Ordinal) || r.Text.StartsWith("ยกเลิกแล้ว", StringComparison.Ordinal)
                || r.Text.StartsWith("Recorded", StringComparison.Ordinal) || r.Text.StartsWith("Undone", StringComparison.Ordinal));
            if (!recorded)
            {
                Assert.Equal(before, chat.OfficeUsed);
            }
        }, iter: 400, threads: 1);

        Assert.Empty(chat.Store.VerifyBalances());
    }
}
