namespace BudgetBot.Domain.Conversation.Parsing;

/// <summary>The English commands and Thai words of each intent, as the product brief lists them.</summary>
public static class CommandWords
{
    public static readonly IReadOnlyDictionary<string, Intent> English = new Dictionary<string, Intent>(StringComparer.OrdinalIgnoreCase)
    {
        ["help"] = Intent.Help,
        ["start"] = Intent.Help,
        ["spend"] = Intent.Spend,
        ["undo"] = Intent.Undo,
        ["balance"] = Intent.Balance,
        ["projects"] = Intent.Projects,
        ["plan"] = Intent.Plan,
        ["progress"] = Intent.Progress,
        ["status"] = Intent.Status,
        ["lagging"] = Intent.Lagging,
        ["history"] = Intent.History,
        ["audit"] = Intent.Audit,
        ["report"] = Intent.Report,
        ["chart"] = Intent.Chart,
        ["subscribe"] = Intent.Subscribe,
        ["invite"] = Intent.Invite,
        ["join"] = Intent.Join,
        ["whoami"] = Intent.WhoAmI,
        ["lang"] = Intent.Language,
        ["round"] = Intent.Round,
        ["transfer"] = Intent.Transfer,
        ["refund"] = Intent.Refund,
        ["reverse"] = Intent.Reverse,
        ["addproject"] = Intent.AddProject,
        ["commit"] = Intent.Commit,
        ["close"] = Intent.Close,
        ["carryover"] = Intent.CarryOver,
        ["receipt"] = Intent.Receipt,
    };

    /// <summary>Thai words, longest first so "ความก้าวหน้า" is not read as something shorter.</summary>
    public static readonly IReadOnlyList<(string Word, Intent Intent)> Thai =
    [
        ("ความก้าวหน้า", Intent.Progress),
        ("เพิ่มโครงการ", Intent.AddProject),
        ("กันเงินเหลื่อมปี", Intent.CarryOver),
        ("ได้รับจัดสรร", Intent.Round),
        ("กลับรายการ", Intent.Reverse),
        ("ฉันคือใคร", Intent.WhoAmI),
        ("ใบเสร็จ", Intent.Receipt),
        ("ตรวจสอบ", Intent.Audit),
        ("จัดสรร", Intent.Round),
        ("ช่วยเหลือ", Intent.Help),
        ("คืนเงิน", Intent.Refund),
        ("เข้าร่วม", Intent.Join),
        ("คงเหลือ", Intent.Balance),
        ("ผูกพัน", Intent.Commit),
        ("ปิดรอบ", Intent.Close),
        ("ก่อหนี้", Intent.Commit),
        ("โครงการ", Intent.Projects),
        ("ประวัติ", Intent.History),
        ("วิธีใช้", Intent.Help),
        ("รายงาน", Intent.Report),
        ("ยกเลิก", Intent.Undo),
        ("ล่าช้า", Intent.Lagging),
        ("สถานะ", Intent.Status),
        ("ติดตาม", Intent.Subscribe),
        ("ภาษา", Intent.Language),
        ("เชิญ", Intent.Invite),
        ("กราฟ", Intent.Chart),
        ("โอน", Intent.Transfer),
        ("จ่าย", Intent.Spend),
        ("เบิก", Intent.Spend),
        ("แผน", Intent.Plan),
        ("ยอด", Intent.Balance),
        ("ใช้", Intent.Spend),
    ];

    public static string Command(Intent intent) => intent switch
    {
        Intent.WhoAmI => "/whoami",
        Intent.Language => "/lang",
        _ => "/" + intent.ToString().ToLowerInvariant(),
    };

    public static string ThaiWord(Intent intent) => Thai.First(t => t.Intent == intent).Word;
}
