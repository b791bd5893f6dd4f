using System.ComponentModel.DataAnnotations;

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

    public TelegramOptions Telegram { get; set; } = new();

    public LineOptions Line { get; set; } = new();

    public string DatabasePath => Path.Combine(DataDir, "budgetbot.db");
}

internal sealed class TelegramOptions
{
    public string? Token { get; set; }

    [Required, Url]
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    public string? WebhookSecret { get; set; }
}

internal sealed class LineOptions
{
    public string? ChannelSecret { get; set; }

    public string? ChannelAccessToken { get; set; }

    [Required, Url]
    public string ApiBaseUrl { get; set; } = "https://api.line.me";

    [Required, Url]
    public string DataApiBaseUrl { get; set; } = "https://api-data.line.me";
}
