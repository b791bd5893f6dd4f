using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Options;

/// <summary>
/// The <c>BudgetBot</c> configuration section; names are part of the product's public surface. Every setting carries a
/// <see cref="DescriptionAttribute"/>: docs/configuration.md is generated from them, and a test fails when one is missing.
/// </summary>
internal sealed class BudgetBotOptions
{
    public const string Section = "BudgetBot";

    [Required]
    [Description("Where the data lives: the LiteDB file `budgetbot.db`, the scheduler's `hangfire.db`, charts and files (with PostgreSQL, only the charts and files). Relative to the folder the service is started in; `--data-dir` sets it too.")]
    public string DataDir { get; set; } = "./data";

    [Required]
    [Description("Dates, fiscal quarters and reminder times are taken in this zone (an IANA name).")]
    public string TimeZone { get; set; } = "Asia/Bangkok";

    [Url]
    [Description("The HTTPS address a reverse proxy serves the service at: Telegram's webhook (instead of long polling), LINE's webhook, report and media links. Unset: Telegram long-polls, LINE gets no links.")]
    public string? PublicBaseUrl { get; set; }

    [Description("Platform identities of the first admins, such as `telegram:123456789` or `line:U…`; more are invited from chat.")]
    public List<string> Admins { get; set; } = [];

    [Description("In demo mode, the report imported as the demo office when the data dir is empty; a relative path starts at the program's folder.")]
    public string DemoReport { get; set; } = "config/demo-report-fy2566-h1.txt";

    public PlaygroundOptions Playground { get; set; } = new();

    public StorageOptions Storage { get; set; } = new();

    [Range(1, 90)]
    [Description("How many days a link to a report's web page (`/reports/{token}`) works.")]
    public int ReportLinkDays { get; set; } = 7;

    // From anyone else the header is ignored, so a client cannot claim to be local.
    [Description("IP addresses of reverse proxies whose `X-Forwarded-For` and `-Proto` are believed; no one's by default.")]
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

    /// <summary>The demo's clock: in demo mode with <see cref="PlaygroundOptions.Today"/> set, that moment; otherwise null (the real clock).</summary>
    public DateTimeOffset? DemoToday =>
        DemoMode && !string.IsNullOrWhiteSpace(Playground.Today) && Cli.CliTime.TryRead(Playground.Today, TimeZone, out var at) ? at : null;
}

/// <summary>Where the data lives: one LiteDB file in the data dir (the default), or a PostgreSQL database several hosts share.</summary>
internal sealed class StorageOptions
{
    public const string LiteDb = "litedb";
    public const string Postgres = "postgres";

    [Description("`litedb` for one file in the data dir; `postgres` to keep everything in PostgreSQL, shared by several hosts.")]
    public string Provider { get; set; } = LiteDb;

    [Description("For `postgres`: an Npgsql connection string (`Host=…;Database=…;Username=…;Password=…`). Never logged.")]
    public string? ConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The browser playground at <c>/</c>; it answers loopback requests addressed to a loopback name only.</summary>
internal sealed class PlaygroundOptions
{
    [Description("Demo mode: the browser playground at `/`, the demo office and its people. Unset: on only while no platform is configured. It answers loopback requests to `127.0.0.1`, `[::1]` or `localhost` only.")]
    public bool? Enabled { get; set; }

    [Description("Demo mode only: the date and time the service and `chat` run at (ISO 8601, in `TimeZone`; the clock then runs on), so the demo year's examples work as written. Empty: the real clock.")]
    public string? Today { get; set; } = "2023-05-10T09:00";
}

/// <summary>Spending guards of the brief: warn past 80%, hold past 100% until an admin confirms, undo within 24 hours.</summary>
internal sealed class GuardOptions
{
    [Range(1, 1000)]
    [Description("A spend that takes a project past this share of its allocation is recorded with a warning, and tells the admins and the division head.")]
    public decimal WarnPercent { get; set; } = 80;

    [Range(1, 1000)]
    [Description("A spend past this share is held until an admin approves it (the reserve then covers the shortfall).")]
    public decimal HoldPercent { get; set; } = 100;

    [Range(0, 24 * 30)]
    [Description("How long `/undo` reaches back to a person's last entry.")]
    public double UndoHours { get; set; } = 24;

    // Keyed by office id: BudgetBot__Guards__Offices__{office}__HoldPercent.
    public Dictionary<string, OfficeGuardOptions> Offices { get; set; } = [];
}

/// <summary>When reminders and summaries go out, in <see cref="BudgetBotOptions.TimeZone"/>.</summary>
internal sealed class ReminderOptions
{
    // Empty here so the configured list replaces it (the binder appends to a non-empty default).
    [Description("Days before a quarter ends on which owners are reminded (0 to 92); 7 and 1 when none is set.")]
    public List<int> DaysBeforeQuarterEnd { get; set; } = [];

    [Description("Time of day of quarter-end reminders and report-due notices (moved to a working day).")]
    public TimeOnly At { get; set; } = new(9, 0);

    [Description("Nothing scheduled goes out from this time …")]
    public TimeOnly QuietStart { get; set; } = new(20, 0);

    [Description("… until this time.")]
    public TimeOnly QuietEnd { get; set; } = new(8, 0);

    [Description("Day of the weekly summary (the next working day when it is a holiday).")]
    public DayOfWeek WeeklyDay { get; set; } = DayOfWeek.Monday;

    [Description("Time of the weekly summary.")]
    public TimeOnly WeeklyAt { get; set; } = new(8, 30);

    [Required]
    [Description("How often the scheduler asks what is due (cron, in the office's time zone).")]
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
    [Range(1, 3650)]
    [Description("Processed inbox events: platforms redeliver within hours, so a month is ample to spot a repeat.")]
    public int InboxDays { get; set; } = 30;

    [Range(1, 3650)]
    [Description("Handled-message records (the replies a repeated message gets again).")]
    public int HandledDays { get; set; } = 30;

    [Range(1, 3650)]
    [Description("Messages shown in the playground.")]
    public int FeedDays { get; set; } = 30;

    [Range(1, 3650)]
    [Description("Buttons and invites, counted from their expiry.")]
    public int ExpiredButtonDays { get; set; } = 30;

    [Range(7, 3650)]
    [Description("Chart and report files behind media links (the links expire after 7 days).")]
    public int MediaDays { get; set; } = 7;
}

/// <summary>The Hangfire dashboard at /hangfire: local requests only, unless a user and password are set.</summary>
internal sealed class DashboardOptions
{
    [Description("With `Password`, required for the Hangfire dashboard (`/hangfire`) and `/metrics` where the host is reachable from other machines.")]
    public string? User { get; set; }

    [Description("The dashboard's password. Never logged.")]
    public string? Password { get; set; }
}

internal sealed class OfficeGuardOptions
{
    [Range(1, 1000)]
    [Description("This office's warning level, instead of `Guards__WarnPercent`.")]
    public decimal? WarnPercent { get; set; }

    [Range(1, 1000)]
    [Description("This office's hold level, instead of `Guards__HoldPercent`.")]
    public decimal? HoldPercent { get; set; }
}

internal sealed class TelegramOptions
{
    [Description("The bot's token from @BotFather; setting it connects Telegram and ends demo mode. Never logged.")]
    public string? Token { get; set; }

    [Required, Url]
    [Description("The Bot API server (a self-hosted one, or a test double).")]
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    [RegularExpression("^[A-Za-z0-9_-]{1,256}$")]
    [Description("Required in webhook mode: Telegram sends it back with every update (1–256 of A–Z a–z 0–9 _ -); a request without it gets 403. Never logged.")]
    public string? WebhookSecret { get; set; }

    [Range(1, 100)]
    [Description("How long each long poll waits for updates, in seconds.")]
    public int PollTimeoutSeconds { get; set; } = 30;

    // Telegram allows about one message a second per chat, 20 a minute per group and 30 a second in all; the upper
    // bounds are for a self-hosted Bot API server or a test double, which have no such limits.
    [Range(1, 60_000)]
    [Description("Milliseconds between two messages to one chat.")]
    public int PerChatIntervalMs { get; set; } = 1000;

    [Range(1, 100_000)]
    [Description("Messages a minute to one group at most.")]
    public int GroupPerMinute { get; set; } = 20;

    [Range(1, 100_000)]
    [Description("Messages a second to Telegram in all at most.")]
    public int GlobalPerSecond { get; set; } = 25;
}

internal sealed class LineOptions
{
    [Description("The Messaging API channel's secret, which signs every webhook; with the access token it connects LINE and ends demo mode. Never logged.")]
    public string? ChannelSecret { get; set; }

    [Description("A long-lived channel access token. Never logged.")]
    public string? ChannelAccessToken { get; set; }

    [Required, Url]
    [Description("LINE's Messaging API (or a test double).")]
    public string ApiBaseUrl { get; set; } = "https://api.line.me";

    [Required, Url]
    [Description("LINE's content API, for images people send.")]
    public string DataApiBaseUrl { get; set; } = "https://api-data.line.me";

    // LINE honours a reply token for about a minute.
    [Range(0, 60)]
    [Description("How many seconds after the webhook a reply token is still used; later answers are pushed.")]
    public int ReplyTokenSeconds { get; set; } = 50;

    [Range(0, 10_000_000)]
    [Description("Pushes (messages that are not replies, which LINE counts against the plan's monthly quota) sent in a month at most; past it pushes are set aside unsent (dead letters) and the admins are told once. 0: no cap but LINE's own.")]
    public int MaxPushesPerMonth { get; set; }

    public bool Enabled() => !string.IsNullOrWhiteSpace(ChannelSecret) && !string.IsNullOrWhiteSpace(ChannelAccessToken);
}
