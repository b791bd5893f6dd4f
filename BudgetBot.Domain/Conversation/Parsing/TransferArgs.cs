using System.Globalization;
using System.Text.RegularExpressions;
using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Conversation.Parsing;

/// <summary>
/// A transfer as typed: <c>&lt;amount&gt; [บาท] [จาก|from] &lt;from&gt; [ไป|to] &lt;to&gt;</c>, where an end is a project
/// number (<c>7</c>, <c>#7</c>, <c>โครงการ 7</c>), the reserve (<c>reserve</c>, <c>สำรอง</c>) or the projects envelope's
/// unallocated money (<c>unallocated</c>, <c>ยังไม่จัดสรร</c>). Money only goes to a project.
/// </summary>
public static partial class TransferArgs
{
    private static readonly Dictionary<string, string> PoolWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["reserve"] = MoneyPool.Reserve, ["สำรอง"] = MoneyPool.Reserve, ["เงินสำรอง"] = MoneyPool.Reserve, ["งบสำรอง"] = MoneyPool.Reserve,
        ["unallocated"] = MoneyPool.Unallocated, ["ยังไม่จัดสรร"] = MoneyPool.Unallocated, ["เงินยังไม่จัดสรร"] = MoneyPool.Unallocated,
        ["งบยังไม่จัดสรร"] = MoneyPool.Unallocated,
    };

    public static TransferParse Parse(string args)
    {
        var m = Shape().Match(ThaiDigits.ToAscii(args).Trim());
        if (!m.Success)
        {
            return TransferParse.Fail(TransferProblem.Shape);
        }

        var amount = ThaiAmount.Parse(m.Groups["amount"].Value);
        if (!amount.IsOk)
        {
            return TransferParse.Fail(TransferProblem.Amount, amount.Error.ToString());
        }

        var from = End(m.Groups["from"].Value);
        var to = End(m.Groups["to"].Value);
        if (from is null || to is null)
        {
            return TransferParse.Fail(TransferProblem.End);
        }

        return to.Pool is not null ? TransferParse.Fail(TransferProblem.ToPool) : new TransferParse(amount.Value, from, to, TransferProblem.None, null);
    }

    private static TransferEnd? End(string text)
    {
        var t = text.Trim();
        if (PoolWords.TryGetValue(t, out var pool))
        {
            return new TransferEnd(null, pool);
        }

        var (number, next) = ProjectRefs.Leading(t.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return number is not null && next == t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length
            && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? new TransferEnd(n, null)
            : null;
    }

    [GeneratedRegex(@"^(?<amount>\S+)(?:\s+(?:บาท|baht))?\s+(?:(?:จาก|from)\s*)?(?<from>.+?)\s+(?:ไปยัง|ไป|ให้|to)\s*(?<to>.+)$|^(?<amount>\S+)(?:\s+(?:บาท|baht))?\s+(?<from>\S+)\s+(?<to>\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Shape();
}

/// <summary>One end of a transfer: a project number, or a pool (<see cref="MoneyPool"/>).</summary>
public sealed record TransferEnd(int? Project, string? Pool);

public enum TransferProblem
{
    None,
    Shape,
    Amount,
    End,
    ToPool,
}

public sealed record TransferParse(decimal Amount, TransferEnd? From, TransferEnd? To, TransferProblem Problem, string? AmountError)
{
    public bool IsOk => Problem == TransferProblem.None;

    public static TransferParse Fail(TransferProblem problem, string? amountError = null) => new(0, null, null, problem, amountError);
}
