using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Options;

/// <summary>The <c>BudgetBot</c> configuration section; names are part of the product's public surface.</summary>
internal sealed class BudgetBotOptions
{
    public const string Section = "BudgetBot";

    [Required]
    public string DataDir { get; set; } = "./data";

    [Required]
    public string TimeZone { get; set; } = "Asia/Bangkok";

    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>Platform identities of the first admins, such as <c>telegram:123456789</c> or <c>line:U…</c>.</summary>
    public List<string> Admins { get; set; } = [];

    /// <summary>The report imported as a demo office when the data dir is empty; relative paths start at the program's folder.</summary>
    public string DemoReport { get; set; } = "config/demo-report-fy2566-h1.txt";

    public PlaygroundOptions Playground { get; set; } = new();

    public StorageOptions Storage { get; set; } = new();

    /// <summary>How many days a link to a report's web page works.</summary>
    [Range(1, 90)]
    public int ReportLinkDays { get; set; } = 7;

    /// <summary>
    /// Addresses of reverse proxies whose <c>X-Forwarded-For</c> is believed (<c>BudgetBot__KnownProxies__0=127.0.0.1</c>);
    /// from anyone else the header is ignored, so a client cannot claim to be local.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    [ValidateObjectMembers]
    public GuardOptions Guards { get; set; } = new();

    [ValidateObjectMembers]
    public ReminderOptions Reminders { get; set; } = new();

    [ValidateObjectMembers]
    public RetentionOptions Retention { get; set; } = new();

    public DashboardOptions Dashboard { get; set; } = new();

    [ValidateObjectMembers]
    public TelegramOptions Telegram { get; set; } = new();

    [ValidateObjectMembers]
    public LineOptions Line { get; set; } = new();

    public string DatabasePath => Path.Combine(DataDir, "budgetbot.db");

    /// <summary>True when Telegram or LINE has credentials: the host then serves real people.</summary>
    public bool PlatformConfigured => !string.IsNullOrWhiteSpace(Telegram.Token) || Line.Enabled();

    /// <summary>
    /// Demo mode: the playground, the demo office and its demo people. On only while no platform is configured, so a
    /// real deployment never has a console that acts as its admin; <c>Playground:Enabled</c> overrides.
    /// </summary>
    public bool DemoMode => Playground.Enabled ?? !PlatformConfigured;
}

/// <summary>Where the data lives: one LiteDB file in the data dir (the default), or a PostgreSQL database several hosts share.</summary>
internal sealed class StorageOptions
{
    public const string LiteDb = "litedb";
    public const string Postgres = "postgres";

    public string Provider { get; set; } = LiteDb;

    /// <summary>For <c>postgres</c>: an Npgsql connection string. It may hold a password, so it is never logged.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The browser playground at <c>/</c>; it answers loopback requests addressed to a loopback name only.</summary>
internal sealed class PlaygroundOptions
{
    /// <summary>Unset: on while no platform is configured.</summary>
    public bool? Enabled { get; set; }
}

/// <summary>Spending guards of the brief: warn past 80%, hold past 100% until an admin confirms, undo within 24 hours.</summary>
internal sealed class GuardOptions
{
    [Range(1, 1000)]
    public decimal WarnPercent { get; set; } = 80;

    [Range(1, 1000)]
    public decimal HoldPercent { get; set; } = 100;

    [Range(0, 24 * 30)]
    public double UndoHours { get; set; } = 24;

    /// <summary>Thresholds of one office, by office id (<c>BudgetBot__Guards__Offices__{id}__HoldPercent</c>).</summary>
    public Dictionary<string, OfficeGuardOptions> Offices { get; set; } = [];
}

/// <summary>When reminders and summaries go out, in <see cref="BudgetBotOptions.TimeZone"/>.</summary>
internal sealed class ReminderOptions
{
    /// <summary>Empty here so the configured list replaces it (the binder appends to a non-empty default); 7 and 1 when none is set.</summary>
    public List<int> DaysBeforeQuarterEnd { get; set; } = [];

    public TimeOnly At { get; set; } = new(9, 0);

    public TimeOnly QuietStart { get; set; } = new(20, 0);

    public TimeOnly QuietEnd { get; set; } = new(8, 0);

    public DayOfWeek WeeklyDay { get; set; } = DayOfWeek.Monday;

    public TimeOnly WeeklyAt { get; set; } = new(8, 30);

    /// <summary>How often the scheduler asks what is due (cron, local time).</summary>
    [Required]
    public string Cron { get; set; } = "*/15 * * * *";

    public Domain.Reminders.ReminderSettings ToSettings() => new()
    {
        DaysBeforeQuarterEnd = DaysBeforeQuarterEnd.Count > 0 ? DaysBeforeQuarterEnd.Distinct().ToList() : [7, 1],
        ReminderTime = At,
        QuietStart = QuietStart,
        QuietEnd = QuietEnd,
        WeeklyDay = WeeklyDay,
        WeeklyTime = WeeklyAt,
    };
}

/// <summary>
/// How long records kept only for a while stay, in days; a Hangfire job forgets older ones nightly. The ledger, the
/// running figures and the audit trail are never deleted.
/// </summary>
internal sealed class RetentionOptions
{
    /// <summary>Processed inbox events: platforms redeliver within hours, so a month is ample to spot a repeat.</summary>
    [Range(1, 3650)]
    public int InboxDays { get; set; } = 30;

    /// <summary>Handled-message records (the replies a repeated message gets again).</summary>
    [Range(1, 3650)]
    public int HandledDays { get; set; } = 30;

    /// <summary>Messages shown in the playground.</summary>
    [Range(1, 3650)]
    public int FeedDays { get; set; } = 30;

    /// <summary>Buttons and invites, counted from their expiry.</summary>
    [Range(1, 3650)]
    public int ExpiredButtonDays { get; set; } = 30;

    /// <summary>Chart and report files behind media links (the links expire after 7 days).</summary>
    [Range(7, 3650)]
    public int MediaDays { get; set; } = 7;
}

/// <summary>The Hangfire dashboard at /hangfire: local requests only, unless a user and password are set.</summary>
internal sealed class DashboardOptions
{
    public string? User { get; set; }

    public string? Password { get; set; }
}

internal sealed class OfficeGuardOptions
{
    [Range(1, 1000)]
    public decimal? WarnPercent { get; set; }

    [Range(1, 1000)]
    public decimal? HoldPercent { get; set; }
}

internal sealed class TelegramOptions
{
    public string? Token { get; set; }

    [Required, Url]
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>Telegram sends it back in a header with every update: 1–256 of A–Z, a–z, 0–9, _ and -.</summary>
    [RegularExpression("^[A-Za-z0-9_-]{1,256}$")]
    public string? WebhookSecret { get; set; }

    /// <summary>Long-poll wait per getUpdates call.</summary>
    [Range(1, 100)]
    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>Outbound limits: Telegram allows about one message a second per chat, 20 a minute per group, 30 a second in all.</summary>
    [Range(1, 60_000)]
    public int PerChatIntervalMs { get; set; } = 1000;

    /// <remarks>The upper bounds are for a self-hosted Bot API server or a test double, which have no such limits.</remarks>
    [Range(1, 100_000)]
    public int GroupPerMinute { get; set; } = 20;

    [Range(1, 100_000)]
    public int GlobalPerSecond { get; set; } = 25;
}

internal sealed class LineOptions
{
    public string? ChannelSecret { get; set; }

    public string? ChannelAccessToken { get; set; }

    [Required, Url]
    public string ApiBaseUrl { get; set; } = "https://api.line.me";

    [Required, Url]
    public string DataApiBaseUrl { get; set; } = "https://api-data.line.me";

    /// <summary>How long after the webhook a reply token is still used; LINE honours it for about a minute.</summary>
    [Range(0, 60)]
    public int ReplyTokenSeconds { get; set; } = 50;

    public bool Enabled() => !string.IsNullOrWhiteSpace(ChannelSecret) && !string.IsNullOrWhiteSpace(ChannelAccessToken);
}
