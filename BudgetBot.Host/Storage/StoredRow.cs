namespace BudgetBot.Host.Storage;

/// <summary>The kinds of small keyed record a store keeps beside the budget and the message queues.</summary>
internal enum RowKind
{
    People,
    Identities,
    Invites,
    Buttons,
    Subscriptions,
    ReportLinks,
    Handled,
    State,
    Chats,
    Feed,

    /// <summary>Changes to a year's money (<see cref="Domain.Budget.BudgetEvent"/>), grouped by office year, in the order they were recorded.</summary>
    BudgetEvents,

    /// <summary>Reports as they were submitted when their period was closed (<see cref="Domain.Budget.SubmittedReport"/>), by office, year and last quarter.</summary>
    Submitted,

    /// <summary>Photos of receipts (<see cref="Domain.Budget.Receipt"/>), grouped by office year, in the order they came.</summary>
    Receipts,

    /// <summary>A receipt's picture, under the receipt's key: grouped by whether it is waiting to be fetched, kept, or failed.</summary>
    ReceiptFiles,
}

/// <summary>
/// One record as a store keeps it: its key and value (JSON, or a plain id), and what a store selects it by
/// (<see cref="Group"/>), forgets it by (<see cref="At"/>) or takes it by (<see cref="Used"/>). Which of these a kind
/// uses is <see cref="StoreRules"/>' business; a store keeps what it is given.
/// </summary>
internal sealed record StoredRow(string Key, string Value)
{
    public string? Group { get; init; }

    public DateTimeOffset? At { get; init; }

    public bool Used { get; init; }
}
