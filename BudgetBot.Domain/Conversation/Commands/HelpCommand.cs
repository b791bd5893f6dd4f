using BudgetBot.Domain.Budget;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary><c>/help</c>, <c>/start</c>, <c>ช่วยเหลือ</c>: the commands the caller's role may use.</summary>
internal sealed class HelpCommand : ICommand
{
    public Intent Intent => Intent.Help;

    public bool OpenToStrangers => true;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        if (ctx.Person is null)
        {
            return [ctx.Text(
                "สวัสดีครับ BudgetBot ช่วยบันทึกและติดตามการใช้จ่ายงบประมาณ\nขอรหัสเชิญจากผู้ดูแลระบบ แล้วพิมพ์ /join รหัส\n/whoami ดูว่าท่านคือใคร · /lang en English",
                "Hello, BudgetBot records and follows budget spending.\nAsk an admin for an invite code, then type /join CODE.\n/whoami shows who you are · /lang th ภาษาไทย")];
        }

        var office = ctx.OfficeId;
        var p = ctx.Person;
        var lines = new List<string> { say["คำสั่งที่ใช้ได้:", "Commands you can use:"] };
        var records = Access.Has(p, office, Role.Admin, Role.DivisionHead, Role.Owner);
        if (records)
        {
            lines.Add(say["จ่าย 7 2,400 15 ก.พ. 66 ค่าอาหารว่าง — บันทึกการใช้จ่าย (/spend)", "/spend 7 2400 [date] [note] — record spending (จ่าย)"]);
            lines.Add(say["ยกเลิก — ยกเลิกรายการล่าสุดของท่าน (/undo) · คืนเงิน 7 500 — เงินที่ได้คืน (/refund)", "/undo — cancel your last entry (ยกเลิก) · /refund 7 500 — money returned (คืนเงิน)"]);
            lines.Add(say["ผูกพัน 7 50,000 สัญญาเลขที่ 12/2566 — ก่อหนี้ผูกพัน (/commit) · จ่าย 7 20,000 อ้างอิง 12/2566 — เบิกจ่ายตามสัญญา", "/commit 7 50000 12/2566 — a signed contract or order (ผูกพัน) · /spend 7 20000 ref 12/2566 — pay against it"]);
            lines.Add(say["ส่งรูปใบเสร็จหลังบันทึก หรือ ใบเสร็จ 123 แล้วส่งรูป — แนบใบเสร็จกับรายการ (/receipt)", "send a receipt's photo after a spend, or /receipt 123 then the photo — keep it with the entry (ใบเสร็จ)"]);
            lines.Add(say["ความก้าวหน้า 7 ข้อความ (/progress) · สถานะ 7 จบโครงการ (/status)", "/progress 7 text (ความก้าวหน้า) · /status 7 done (สถานะ)"]);
        }

        lines.Add(say["ยอด [โครงการ หรือ กลุ่ม] — ยอดคงเหลือ (/balance)", "/balance [project or division] — balances (ยอด)"]);
        lines.Add(say["โครงการ [กลุ่ม] — รายการโครงการ (/projects)", "/projects [division] — list projects (โครงการ)"]);
        lines.Add(say["ล่าช้า [ไตรมาส 1–4] — โครงการที่ต่ำกว่าแผน (/lagging) · ประวัติ 7 (/history)", "/lagging [q1-q4] — behind plan (ล่าช้า) · /history 7 (ประวัติ)"]);
        if (Access.IsAdmin(p, office))
        {
            lines.Add(say["แผน 7 ไตรมาส 2 40,000 — กำหนดแผนรายไตรมาส (/plan) · เชิญ ผู้รับผิดชอบ 7 (/invite)", "/plan 7 q2 40000 — set a quarter plan (แผน) · /invite owner 7 (เชิญ)"]);
            lines.Add(say["จัดสรร 500,000 ศธ 04006/ว 1234 15 มิ.ย. 66 — หนังสือจัดสรรครั้งถัดไป (/round)", "/round 500000 <letter no> <date> [projects|reserve|recurring] — a further allocation letter (จัดสรร)"]);
            lines.Add(say["เพิ่มโครงการ กลุ่มนิเทศ 50,000 ชื่อโครงการ — โครงการใหม่จากงบที่ยังไม่จัดสรร (/addproject)", "/addproject <division> 50000 <name> — a new project from unallocated money (เพิ่มโครงการ)"]);
            lines.Add(say["ปิดรอบ 6 เดือน — ส่งรายงานแล้ว รายการย้อนหลังต้องให้ผู้ดูแลระบบบันทึก (/close)", "/close h1 — the period is submitted; later entries dated in it need an admin (ปิดรอบ)"]);
            lines.Add(say["กันเงินเหลื่อมปี 8 30,000 12/2566 — ย้ายการผูกพันไปเบิกหลังสิ้นปี (/carryover)", "/carryover 8 30000 12/2566 — move a commitment to the carry-over line (กันเงินเหลื่อมปี)"]);
            lines.Add(say["กลับรายการ 123 เหตุผล — กลับรายการใดก็ได้ (/reverse)", "/reverse 123 reason — reverse any entry (กลับรายการ)"]);
            lines.Add(say["โอน 5,000 จาก 9 ไป 7 — โอนงบระหว่างโครงการ หรือจากเงินสำรอง (/transfer)", "/transfer 5000 9 7 — move money between projects, or from the reserve (โอน)"]);
        }

        lines.Add(say["กราฟ [โครงการ] — กราฟแผนและผล (/chart)", "/chart [project] — plan and result chart (กราฟ)"]);
        if (Access.CanReport(p, office))
        {
            lines.Add(say["รายงาน 6 เดือน — รายงานติดตาม (/report)", "/report h1 — monitoring report (รายงาน)"]);
        }

        if (Access.Has(p, office, Role.Admin, Role.Auditor))
        {
            lines.Add(say["ตรวจสอบ [โครงการ] — ทะเบียนคุมการเบิกจ่ายทุกรายการ (/audit)", "/audit [project] — the ledger as a file (ตรวจสอบ)"]);
        }

        if (Access.CanSubscribe(p, office))
        {
            lines.Add(say["ติดตาม ทุกสัปดาห์|รายไตรมาส|ยกเลิก — สรุปในกลุ่มนี้ (/subscribe)", "/subscribe weekly|quarter|off — summaries in this group (ติดตาม)"]);
        }

        if (!records)
        {
            lines.Add(say[$"{RoleText.Name(say, p.Roles.First(r => r.OfficeId == office).Role)}ดูข้อมูลได้อย่างเดียว", $"As {RoleText.Name(say, p.Roles.First(r => r.OfficeId == office).Role)} you can read only."]);
        }

        lines.Add(say["เชิญ ฉัน — เชื่อมบัญชีอีกแอปของท่าน (/invite me) · ฉันคือใคร (/whoami) · ภาษา en (/lang)", "/invite me — link your other app · /whoami (ฉันคือใคร) · /lang th (ภาษา)"]);
        return [new Reply(string.Join('\n', lines))];
    }
}
