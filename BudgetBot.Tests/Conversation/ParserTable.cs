namespace BudgetBot.Tests.Conversation;

/// <summary>
/// Real-looking messages and what they mean, one per line: <c>text ⇒ Intent args</c>, <c>⇒ ~Spend</c> (read from a
/// sentence, needs confirmation), <c>⇒ ?</c> (unknown: reply with a hint), <c>⇒ -</c> (not addressed: no reply).
/// Lines starting with <c>g|</c> come from a group chat.
/// </summary>
internal static class ParserTable
{
    public const string Commands = """
        /help ⇒ Help
        /start ⇒ Help
        /HELP ⇒ Help
        help ⇒ Help
        ช่วยเหลือ ⇒ Help
        วิธีใช้ ⇒ Help
          /help    ⇒ Help
        /spend 7 11550 ⇒ Spend 7 11550
        /spend 7 11,550.50 ⇒ Spend 7 11,550.50
        /spend #7 ๑๑,๕๕๐ ⇒ Spend #7 ๑๑,๕๕๐
        /spend   7    500   ⇒ Spend 7 500
        spend 7 500 ⇒ Spend 7 500
        Spend 7 500 snacks ⇒ Spend 7 500 snacks
        จ่าย 7 11,550 15 ก.พ. 66 ประชุมคณะกรรมการคัดเลือกครูดี ⇒ Spend 7 11,550 15 ก.พ. 66 ประชุมคณะกรรมการคัดเลือกครูดี
        จ่าย 7 2,400 บาท ⇒ Spend 7 2,400 บาท
        จ่าย7 2400 ⇒ Spend 7 2400
        จ่าย #17 300 ⇒ Spend #17 300
        จ่าย โครงการ 17 300 ⇒ Spend โครงการ 17 300
        จ่าย โครงการที่ 17 300 ⇒ Spend โครงการที่ 17 300
        จ่าย ๗ ๕๐๐ ⇒ Spend ๗ ๕๐๐
        เบิก 7 1,000 ⇒ Spend 7 1,000
        เบิก 12 1.2 ล้าน ⇒ Spend 12 1.2 ล้าน
        ใช้ 7 ฿300 ⇒ Spend 7 ฿300
        ใช้ 7 300฿ ⇒ Spend 7 300฿
        จ่าย 7 500 วันนี้ ⇒ Spend 7 500 วันนี้
        จ่าย 7 500 เมื่อวาน ค่าน้ำ ⇒ Spend 7 500 เมื่อวาน ค่าน้ำ
        จ่าย 7 500 15/1/2566 ⇒ Spend 7 500 15/1/2566
        จ่าย 7 500 2023-01-15 ⇒ Spend 7 500 2023-01-15
        จ่าย 7 500 15 มกราคม 2566 ⇒ Spend 7 500 15 มกราคม 2566
        จ่าย ศิลปหัตถกรรม 5,000 ⇒ Spend ศิลปหัตถกรรม 5,000
        /spend@budgetbot 7 500 ⇒ Spend 7 500
        /undo ⇒ Undo
        ยกเลิก ⇒ Undo
        undo ⇒ Undo
        /balance ⇒ Balance
        /balance 7 ⇒ Balance 7
        /balance กลุ่มอำนวยการ ⇒ Balance กลุ่มอำนวยการ
        balance ⇒ Balance
        ยอด ⇒ Balance
        ยอด 7 ⇒ Balance 7
        ยอด #7 ⇒ Balance #7
        ยอด โครงการ 7 ⇒ Balance โครงการ 7
        ยอด ๑๗ ⇒ Balance ๑๗
        คงเหลือ ⇒ Balance
        คงเหลือ 17 ⇒ Balance 17
        คงเหลือ กลุ่มนิเทศ ⇒ Balance กลุ่มนิเทศ
        /balance@BudgetBot ⇒ Balance
        /projects ⇒ Projects
        /projects กลุ่มนิเทศ ⇒ Projects กลุ่มนิเทศ
        โครงการ ⇒ Projects
        โครงการ 7 ⇒ Projects 7
        โครงการ กลุ่มอำนวยการ ⇒ Projects กลุ่มอำนวยการ
        projects ⇒ Projects
        /plan 7 q2 40000 ⇒ Plan 7 q2 40000
        แผน 7 q2 40,000 ⇒ Plan 7 q2 40,000
        แผน 7 ไตรมาส 3 10,000 ⇒ Plan 7 ไตรมาส 3 10,000
        plan 7 Q4 0 ⇒ Plan 7 Q4 0
        /progress 7 จัดประชุมแล้ว ⇒ Progress 7 จัดประชุมแล้ว
        ความก้าวหน้า 7 จัดประชุมแล้ว ⇒ Progress 7 จัดประชุมแล้ว
        ความก้าวหน้า #17 นิเทศครบ 20 โรงเรียน ⇒ Progress #17 นิเทศครบ 20 โรงเรียน
        progress 7 meeting held ⇒ Progress 7 meeting held
        /status 7 done ⇒ Status 7 done
        สถานะ 7 จบโครงการ ⇒ Status 7 จบโครงการ
        สถานะ 7 อยู่ระหว่างดำเนินการ ⇒ Status 7 อยู่ระหว่างดำเนินการ
        สถานะ 9 เลื่อน ⇒ Status 9 เลื่อน
        สถานะ 9 ยกเลิกโครงการ ⇒ Status 9 ยกเลิกโครงการ
        สถานะ 9 ยังไม่ดำเนินการ ⇒ Status 9 ยังไม่ดำเนินการ
        status 7 postponed ⇒ Status 7 postponed
        /lagging ⇒ Lagging
        /lagging q2 ⇒ Lagging q2
        ล่าช้า ⇒ Lagging
        ล่าช้า ไตรมาส 2 ⇒ Lagging ไตรมาส 2
        lagging q1 ⇒ Lagging q1
        /history 7 ⇒ History 7
        ประวัติ 7 ⇒ History 7
        ประวัติ #17 ⇒ History #17
        history 7 ⇒ History 7
        /report ⇒ Report
        /report h1 ⇒ Report h1
        รายงาน ⇒ Report
        รายงาน q2 ⇒ Report q2
        รายงาน year ⇒ Report year
        /chart ⇒ Chart
        /chart 7 ⇒ Chart 7
        กราฟ ⇒ Chart
        กราฟ กลุ่มนิเทศ ⇒ Chart กลุ่มนิเทศ
        /subscribe weekly ⇒ Subscribe weekly
        ติดตาม weekly ⇒ Subscribe weekly
        ติดตาม off ⇒ Subscribe off
        subscribe quarter ⇒ Subscribe quarter
        /invite owner 7 ⇒ Invite owner 7
        เชิญ owner 7 ⇒ Invite owner 7
        เชิญ หัวหน้ากลุ่ม กลุ่มอำนวยการ ⇒ Invite หัวหน้ากลุ่ม กลุ่มอำนวยการ
        เชิญ ฉัน ⇒ Invite ฉัน
        /join ABCD2345 ⇒ Join ABCD2345
        เข้าร่วม ABCD2345 ⇒ Join ABCD2345
        join abcd2345 ⇒ Join abcd2345
        /whoami ⇒ WhoAmI
        ฉันคือใคร ⇒ WhoAmI
        whoami ⇒ WhoAmI
        /lang en ⇒ Language en
        /lang th ⇒ Language th
        ภาษา en ⇒ Language en
        ภาษา ไทย ⇒ Language ไทย
        lang en ⇒ Language en
        /round 500000 ศธ 04006/ว 1234 15/6/2566 projects ⇒ Round 500000 ศธ 04006/ว 1234 15/6/2566 projects
        round 250000 ศธ 04006/ว 77 2023-06-15 ⇒ Round 250000 ศธ 04006/ว 77 2023-06-15
        จัดสรร 500,000 ศธ 04006/ว 1234 15 มิ.ย. 66 โครงการ ⇒ Round 500,000 ศธ 04006/ว 1234 15 มิ.ย. 66 โครงการ
        ได้รับจัดสรร 500,000 ศธ 04006/ว 1234 15 มิ.ย. 66 ⇒ Round 500,000 ศธ 04006/ว 1234 15 มิ.ย. 66
        ได้รับจัดสรรครั้งที่ 3 500,000 บาท ⇒ Round ครั้งที่ 3 500,000 บาท
        จัดสรร๕๐๐,๐๐๐ ศธ ๐๔๐๐๖/ว ๑๒๓๔ ๑๕ มิ.ย. ๖๖ ⇒ Round ๕๐๐,๐๐๐ ศธ ๐๔๐๐๖/ว ๑๒๓๔ ๑๕ มิ.ย. ๖๖
        /addproject กลุ่มนิเทศ 50000 English camp ⇒ AddProject กลุ่มนิเทศ 50000 English camp
        เพิ่มโครงการ กลุ่มนิเทศ 50,000 อบรมครูภาษาอังกฤษ ⇒ AddProject กลุ่มนิเทศ 50,000 อบรมครูภาษาอังกฤษ
        /commit 7 50000 12/2566 ⇒ Commit 7 50000 12/2566
        /commit cancel 7 12/2566 ⇒ Commit cancel 7 12/2566
        commit 7 50000 2023-02-01 PO-15 ⇒ Commit 7 50000 2023-02-01 PO-15
        ผูกพัน 7 50,000 สัญญาเลขที่ 12/2566 ⇒ Commit 7 50,000 สัญญาเลขที่ 12/2566
        ก่อหนี้ 7 50,000 ใบสั่งซื้อ 3/2566 ⇒ Commit 7 50,000 ใบสั่งซื้อ 3/2566
        ผูกพัน ยกเลิก 7 12/2566 ⇒ Commit ยกเลิก 7 12/2566
        จ่าย 7 20,000 ค่าจ้าง อ้างอิง 12/2566 ⇒ Spend 7 20,000 ค่าจ้าง อ้างอิง 12/2566
        /spend 7 20000 ref 12/2566 ⇒ Spend 7 20000 ref 12/2566
        /carryover 8 30000 12/2566 ⇒ CarryOver 8 30000 12/2566
        กันเงินเหลื่อมปี 8 30,000 12/2566 ⇒ CarryOver 8 30,000 12/2566
        จ่าย 8/2566 10,000 อ้างอิง 12/2566 ⇒ Spend 8/2566 10,000 อ้างอิง 12/2566
        ยอด 7/2566 ⇒ Balance 7/2566
        รายงาน ทั้งปี 2566 ⇒ Report ทั้งปี 2566
        /report year 2566 ⇒ Report year 2566
        /close h1 ⇒ Close h1
        close year ⇒ Close year
        ปิดรอบ 6 เดือน ⇒ Close 6 เดือน
        ปิดรอบ ไตรมาส 1 ⇒ Close ไตรมาส 1
        /refund 7 500 ⇒ Refund 7 500
        refund 7 500 2023-02-01 advance returned ⇒ Refund 7 500 2023-02-01 advance returned
        คืนเงิน 7 500 เงินยืมเหลือ ⇒ Refund 7 500 เงินยืมเหลือ
        คืนเงิน๗ ๕๐๐ ⇒ Refund ๗ ๕๐๐
        /reverse 123 recorded twice ⇒ Reverse 123 recorded twice
        กลับรายการ 123 บันทึกซ้ำ ⇒ Reverse 123 บันทึกซ้ำ
        กลับรายการ #123 ผิดโครงการ ⇒ Reverse #123 ผิดโครงการ
        /transfer 5000 9 7 ⇒ Transfer 5000 9 7
        /transfer 5000 reserve 7 ⇒ Transfer 5000 reserve 7
        transfer 5000 from 9 to 7 ⇒ Transfer 5000 from 9 to 7
        โอน 5,000 จาก 9 ไป 7 ⇒ Transfer 5,000 จาก 9 ไป 7
        โอน5000 จาก 9 ไป 7 ⇒ Transfer 5000 จาก 9 ไป 7
        โอน 30,000 จาก ยังไม่จัดสรร ไป โครงการ 8 ⇒ Transfer 30,000 จาก ยังไม่จัดสรร ไป โครงการ 8
        """;

    public const string Sentences = """
        จ่ายค่าอาหารว่าง 2,400 บาท โครงการ 17 ⇒ ~Spend
        จ่ายค่าวิทยากร 3,600 บาท โครงการที่ 8 ⇒ ~Spend
        เบิกค่าน้ำมัน 1,200 บ. #12 ⇒ ~Spend
        ใช้ค่าถ่ายเอกสาร 450 บาท โครงการ 7 ⇒ ~Spend
        ค่าอาหารกลางวัน 6,000 บาท โครงการ 41 ⇒ ~Spend
        โครงการ 17 ค่าอาหารว่าง 2,400 บาท ⇒ ~Spend
        ซื้อวัสดุ ๑,๒๐๐ บาท โครงการ ๑๗ ⇒ ~Spend
        จ่ายค่าที่พัก 1.2 ล้านบาท โครงการ 41 ⇒ ~Spend
        จ่ายค่าอาหารว่าง 2,400 บาท โครงการ 17 วันที่ 15 ก.พ. 66 ⇒ ~Spend
        เมื่อวานจ่ายค่าเบี้ยเลี้ยงกรรมการ 1,500 บาท โครงการ 17 ⇒ ~Spend
        จ่ายค่าวิทยากร 3,600 บาท โครงการที่ 17 เมื่อวันที่ 3 พฤษภาคม 2566 ⇒ ~Spend
        โครงการ 17 จ่ายค่าที่พัก 4,500 บาท 8/5/2566 ⇒ ~Spend
        ค่าวัสดุ 1,200.- โครงการ 7 ⇒ ~Spend
        จ่ายค่าอาหาร 2,400 บาท ⇒ ~Spend
        จ่าย 17 1,200.- ค่าวัสดุ ⇒ Spend 17 1,200.- ค่าวัสดุ
        g|จ่ายค่าอาหารว่าง 2,400 บาท โครงการ 17 ⇒ -
        """;

    public const string Unknown = """
        /balanse 7 ⇒ ?
        /blance ⇒ ?
        /spnd 7 500 ⇒ ?
        /foo ⇒ ?
        / ⇒ ?
        สวัสดีครับ ⇒ ?
        ขอบคุณครับ ⇒ ?
        ยอดดด ⇒ ?
        จ่ายเงินเดือน ⇒ ?
        ใช้งานยังไง ⇒ ?
        hello ⇒ ?
        123 ⇒ ?
        7 500 ⇒ ?
        ??? ⇒ ?
        🙂 ⇒ ?
        <script>alert(1)</script> ⇒ ?
        '; DROP TABLE ledger; -- ⇒ ?
        ๑๒๓๔ ⇒ ?
        ค่าอาหาร 2,400 บาท ⇒ ~Spend
        โครงการ17ค่าอาหาร ⇒ Projects 17ค่าอาหาร
        spend7 ⇒ ?
        balancee ⇒ ?
        ยกเลิกโครงการ 7 ⇒ ?
        แผนงาน ⇒ ?
        รายงานผล ⇒ ?
        /tranfer 5000 9 7 ⇒ ?
        คืนเงินให้ด้วย ⇒ ?
        เพิ่มโครงการใหม่ ⇒ ?
        ผูกพันไว้ ⇒ ?
        ปิดรอบแล้ว ⇒ ?
        กลับรายการนี้ ⇒ ?
        โอนเงินให้หน่อย ⇒ ?
        จัดสรรงบ ⇒ ?
        ได้รับจัดสรรแล้ว ⇒ ?
        ⇒ -
        g|สวัสดีครับทุกคน ⇒ -
        g|ประชุมบ่ายนี้นะครับ ⇒ -
        g|/balance@otherbot ⇒ -
        g|/spend@someone_bot 7 500 ⇒ -
        g|7 500 ⇒ -
        g|hello ⇒ -
        g|🙂 ⇒ -
        g|/foo ⇒ ?
        """;

    public const string Groups = """
        g|/balance ⇒ Balance
        g|/balance@budgetbot 7 ⇒ Balance 7
        g|ยอด 7 ⇒ Balance 7
        g|จ่าย 7 500 ⇒ Spend 7 500
        g|/spend 7 500 ⇒ Spend 7 500
        g|@budgetbot ยอด ⇒ Balance
        g|@budgetbot /help ⇒ Help
        g|ล่าช้า ⇒ Lagging
        g|/subscribe weekly ⇒ Subscribe weekly
        g|ติดตาม weekly ⇒ Subscribe weekly
        g|help ⇒ Help
        g|โอน 5,000 จาก 9 ไป 7 ⇒ Transfer 5,000 จาก 9 ไป 7
        g|/round@budgetbot 500000 ศธ 04006/ว 1 1/6/2566 ⇒ Round 500000 ศธ 04006/ว 1 1/6/2566
        """;

    public static IEnumerable<object[]> Rows(string table) =>
        table.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains('⇒', StringComparison.Ordinal))
            .Select(l => new object[] { l.Split('⇒')[0], l.Split('⇒')[1].Trim() });
}
