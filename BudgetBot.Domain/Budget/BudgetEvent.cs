namespace BudgetBot.Domain.Budget;

/// <summary>
/// One dated change to a year's money, kept like a spend: append-only, with who, when and from which message. A year's
/// rounds, envelopes and allocations are running figures of these (kept on the year and its projects as each event is
/// recorded), and the events themselves are what a report reads to show where each change came from.
/// </summary>
public sealed record BudgetEvent(
    string OfficeId,
    int FiscalYear,
    BudgetEventKind Kind,
    decimal Amount,
    DateOnly Date,
    string By,
    string SourceKey,
    DateTimeOffset RecordedAt)
{
    /// <summary>Where a transfer takes money from: a project id, <see cref="MoneyPool.Reserve"/> or <see cref="MoneyPool.Unallocated"/>.</summary>
    public string? From { get; init; }

    /// <summary>Where a transfer puts money: a project id.</summary>
    public string? To { get; init; }

    /// <summary>The round an allocation letter brought, with its number in the year.</summary>
    public AllocationRound? Round { get; init; }

    /// <summary>The envelope a round went into.</summary>
    public EnvelopeKind? Envelope { get; init; }

    /// <summary>A commitment's contract or purchase order number (เลขที่สัญญา / ใบสั่งซื้อ), as written.</summary>
    public string? Reference { get; init; }

    /// <summary>Who asked for it, when an admin approved someone else's request (a transfer asked for by an owner, say).</summary>
    public string? RequestedBy { get; init; }

    public string Note { get; init; } = "";
}

public enum BudgetEventKind
{
    /// <summary>A further allocation letter (ได้รับจัดสรรงบประมาณ ครั้งที่ N).</summary>
    Round,

    /// <summary>Money moved to a project (โอนเปลี่ยนแปลง) from another project, the reserve or unallocated money.</summary>
    Transfer,

    /// <summary>A project approved mid-year (เพิ่มโครงการ), its allocation taken from the projects envelope's unallocated money.</summary>
    ProjectAdded,

    /// <summary>A signed contract or purchase order (ก่อหนี้ผูกพัน): money committed to a project, not yet paid.</summary>
    Commitment,

    /// <summary>A spend that named a commitment's reference: that much of it is paid.</summary>
    CommitmentPaid,

    /// <summary>A commitment cancelled: what was not paid of it is free again.</summary>
    CommitmentCancelled,

    /// <summary>Money committed and unpaid at year end moved to a carry-over line (กันเงินไว้เบิกเหลื่อมปี), payable after 30 Sep against the old year.</summary>
    CarryOver,

    /// <summary>A payment after the year's end against a carried-over commitment; the new year's figures are not touched.</summary>
    CarryOverPaid,

    /// <summary>A project's allocation or plans set again by a revised report (<c>import --update</c>); <see cref="BudgetEvent.Amount"/> is the change of allocation.</summary>
    Revised,

    /// <summary>A reporting period closed and submitted (ปิดรอบรายงาน): <see cref="BudgetEvent.Date"/> is its last day, <see cref="BudgetEvent.Note"/> its round.</summary>
    PeriodClosed,
}

/// <summary>The two sources of money that are not projects.</summary>
public static class MoneyPool
{
    /// <summary>The emergency reserve envelope (สำรองสำหรับกรณีเร่งด่วน).</summary>
    public const string Reserve = "reserve";

    /// <summary>The projects envelope's money not yet given to any project.</summary>
    public const string Unallocated = "unallocated";

    public static bool IsPool(string source) => source is Reserve or Unallocated;
}
