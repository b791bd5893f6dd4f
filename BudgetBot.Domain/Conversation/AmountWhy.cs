namespace BudgetBot.Domain.Conversation;

/// <summary>Why an amount was refused, in the reader's language.</summary>
internal static class AmountWhy
{
    public static string Thai(string? error) => error switch
    {
        "TooManyDecimals" => "ทศนิยมได้ไม่เกิน 2 ตำแหน่ง (สตางค์)",
        "Negative" => "ติดลบไม่ได้ ถ้าจะแก้รายการให้พิมพ์ ยกเลิก",
        "BadCommas" => "ใส่จุลภาคทุก 3 หลัก เช่น 11,550",
        "TooLarge" => "เกินยอดสูงสุดที่รับได้ 10,000,000,000 บาท (หมื่นล้านบาท)",
        _ => "ไม่ใช่ตัวเลข",
    };

    public static string English(string? error) => error switch
    {
        "TooManyDecimals" => "at most two decimals (satang)",
        "Negative" => "it cannot be negative; to correct an entry type /undo",
        "BadCommas" => "commas go every three digits, e.g. 11,550",
        "TooLarge" => "it is above the largest amount accepted, 10,000,000,000 baht",
        _ => "not a number",
    };
}
