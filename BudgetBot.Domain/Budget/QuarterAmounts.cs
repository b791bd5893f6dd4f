namespace BudgetBot.Domain.Budget;

/// <summary>One amount per fiscal quarter (Q1 = October to December).</summary>
public sealed record QuarterAmounts(decimal Q1, decimal Q2, decimal Q3, decimal Q4)
{
    public static readonly QuarterAmounts Zero = new(0, 0, 0, 0);

    public decimal this[int quarter] => quarter switch
    {
        1 => Q1,
        2 => Q2,
        3 => Q3,
        4 => Q4,
        _ => throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "A fiscal quarter is 1 to 4."),
    };

    public decimal Total => Q1 + Q2 + Q3 + Q4;

    /// <summary>Sum of quarters 1 to <paramref name="quarter"/>.</summary>
    public decimal ToDate(int quarter) => Enumerable.Range(1, Math.Clamp(quarter, 0, 4)).Sum(q => this[q]);

    public QuarterAmounts With(int quarter, decimal value) => quarter switch
    {
        1 => this with { Q1 = value },
        2 => this with { Q2 = value },
        3 => this with { Q3 = value },
        4 => this with { Q4 = value },
        _ => throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "A fiscal quarter is 1 to 4."),
    };

    public QuarterAmounts Add(int quarter, decimal amount) => With(quarter, this[quarter] + amount);

    public QuarterAmounts Plus(QuarterAmounts other) => new(Q1 + other.Q1, Q2 + other.Q2, Q3 + other.Q3, Q4 + other.Q4);

    public IEnumerable<decimal> All() => [Q1, Q2, Q3, Q4];
}
