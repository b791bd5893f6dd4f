namespace BudgetBot.Domain.Conversation;

/// <summary>A button; <see cref="Payload"/> is an opaque key to state kept on the server, never trusted input.</summary>
public sealed record Button(string Label, string Payload)
{
    /// <summary>
    /// For a link button: what it opens instead of sending a tap, a path on this service (<c>/reports/…</c>) that each
    /// channel makes absolute with the address people reach it at, or leaves out where there is none.
    /// </summary>
    public string? Url { get; init; }

    public static Button Link(string label, string url) => new(label, "") { Url = url };
}

public enum AttachmentKind
{
    Image,
    Spreadsheet,

    /// <summary>The ledger as CSV (UTF-8 with a byte-order mark, so Excel shows Thai).</summary>
    Csv,
}

/// <summary>
/// What a chart shows: the office's or a division's cumulative result against its cumulative plan, one project's
/// quarters, or the ten projects furthest behind their plan.
/// </summary>
public enum ChartScope
{
    Office,
    Division,
    Project,
    Behind,
}

/// <summary>
/// A file the adapter makes and sends with the reply: a chart or a report of one office's fiscal year. Once a channel
/// has made it into a file it serves, <see cref="Url"/> says where.
/// </summary>
public sealed record Attachment(AttachmentKind Kind, string Name, string OfficeId, int FiscalYear)
{
    /// <summary>For a chart: what it shows, and the division's or project's id.</summary>
    public ChartScope Scope { get; init; }

    public string? ScopeId { get; init; }

    /// <summary>For a report: the round (<c>h1</c>, <c>q1</c>…<c>q4</c>, <c>year</c>).</summary>
    public string? Round { get; init; }

    public string? Url { get; init; }

    /// <summary>For the audit trail: the office's reading copy (Thai headers, Buddhist-era dates) beside the machine-readable file.</summary>
    public bool ReadingCopy { get; init; }

    public static Attachment Chart(string officeId, int fiscalYear, ChartScope scope, string? scopeId = null) =>
        new(AttachmentKind.Image, "chart.png", officeId, fiscalYear) { Scope = scope, ScopeId = scopeId };

    /// <summary>The audit trail of a year, or of one project when <paramref name="projectId"/> is set.</summary>
    public static Attachment Ledger(string officeId, int fiscalYear, string? projectId, int? projectNumber) =>
        new(AttachmentKind.Csv, projectNumber is { } n ? $"ledger-{fiscalYear}-{n}.csv" : $"ledger-{fiscalYear}.csv", officeId, fiscalYear) { ScopeId = projectId };

    /// <summary>The same audit trail for people to read: Thai headers and Buddhist-era dates (ทะเบียนคุมการเบิกจ่าย).</summary>
    public static Attachment LedgerToRead(string officeId, int fiscalYear, string? projectId, int? projectNumber) =>
        new(AttachmentKind.Csv, projectNumber is { } n ? $"ทะเบียนคุมการเบิกจ่าย-{fiscalYear}-{n}.csv" : $"ทะเบียนคุมการเบิกจ่าย-{fiscalYear}.csv", officeId, fiscalYear)
        {
            ScopeId = projectId,
            ReadingCopy = true,
        };

    public static Attachment Report(string officeId, int fiscalYear, string round) =>
        new(AttachmentKind.Spreadsheet, $"report-{fiscalYear}-{round}.xlsx", officeId, fiscalYear) { Round = round };
}

/// <summary>One line of a card: what it is and its figure.</summary>
public sealed record CardRow(string Label, string Value);

/// <summary>
/// The same answer as a card for a phone (a LINE Flex bubble): a title, a figure per row, a bar for the share paid, a
/// note. The reply's text says all of it too, for every place that draws no card, and stands in when a card is refused.
/// </summary>
public sealed record Card(string Title, IReadOnlyList<CardRow> Rows, decimal Percent, string PercentLabel, string? Note = null);

/// <summary>What the bot says back: text, rows of buttons, attachments. Each platform adapter translates it.</summary>
public sealed record Reply(string Text)
{
    public Card? Card { get; init; }

    public IReadOnlyList<IReadOnlyList<Button>> Buttons { get; init; } = [];

    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>People to mention in a group (person ids); each platform does it its own way, where it can.</summary>
    public IReadOnlyList<string> Mentions { get; init; } = [];

    public IEnumerable<Button> AllButtons => Buttons.SelectMany(r => r);
}
