namespace BudgetBot.Domain.Conversation;

/// <summary>Rules an office can tune; defaults follow the product brief.</summary>
public sealed record EngineSettings
{
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Identities that are admins of every office from the start (<c>BudgetBot__Admins__*</c>).</summary>
    public IReadOnlyList<string> Admins { get; init; } = [];

    /// <summary>Spending that takes a project past this share of its allocation is recorded with a warning.</summary>
    public decimal WarnPercent { get; init; } = 80;

    /// <summary>Spending that takes a project past this share is held until an admin confirms it.</summary>
    public decimal HoldPercent { get; init; } = 100;

    /// <summary>Offices that set their own thresholds, by office id.</summary>
    public IReadOnlyDictionary<string, GuardLevels> OfficeGuards { get; init; } = new Dictionary<string, GuardLevels>();

    public TimeSpan UndoWindow { get; init; } = TimeSpan.FromHours(24);

    public TimeSpan InviteLifetime { get; init; } = TimeSpan.FromDays(7);

    public TimeSpan ButtonLifetime { get; init; } = TimeSpan.FromDays(2);

    public int PageSize { get; init; } = 10;

    /// <summary>How long after a spend (or a <c>/receipt</c>) a photo is taken as that entry's receipt.</summary>
    public TimeSpan ReceiptWindow { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The cabinet's disbursement targets (config/disbursement-targets.json), for the report's headline.</summary>
    public IReadOnlyList<Budget.DisbursementTarget> Targets { get; init; } = [];

    /// <summary>How long a link to the report's web page works.</summary>
    public TimeSpan ReportLinkLifetime { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The bot's user name on the platform, to tell <c>/cmd@ourbot</c> from <c>/cmd@otherbot</c>.</summary>
    public string? BotUsername { get; init; }

    public GuardLevels GuardsFor(string officeId) =>
        OfficeGuards.TryGetValue(officeId, out var own) ? own : new GuardLevels(WarnPercent, HoldPercent);
}

/// <summary>Percent of a project's allocation past which spending warns, and past which it is held for an admin.</summary>
public sealed record GuardLevels(decimal WarnPercent, decimal HoldPercent);
