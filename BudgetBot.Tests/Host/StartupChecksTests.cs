using System.Net;
using System.Net.Sockets;

namespace BudgetBot.Tests.Host;

/// <summary>Settings that cannot work stop the start with one line per problem and exit code 1, never a stack trace.</summary>
public sealed class StartupChecksTests
{
    [Fact]
    public async Task NestedSettingsOutOfRange_EachNamedOnOneLine_Exit1()
    {
        var (code, _, error) = await HostProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["BudgetBot__DataDir"] = Seed.TempDir(),
            ["BudgetBot__Telegram__PollTimeoutSeconds"] = "1000",
            ["BudgetBot__Guards__WarnPercent"] = "0",
            ["BudgetBot__Line__ReplyTokenSeconds"] = "999",
            ["BudgetBot__TimeZone"] = "Mars/Olympus",
        }, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, code);
        var lines = Problems(error);
        Assert.Equal(4, lines.Count);
        Assert.Contains(lines, l => l.Contains("PollTimeoutSeconds", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("WarnPercent", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("ReplyTokenSeconds", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Mars/Olympus", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebhookModeWithoutSecret_IsRefused()
    {
        var (code, _, error) = await HostProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["BudgetBot__DataDir"] = Seed.TempDir(),
            ["BudgetBot__Telegram__Token"] = "123:abc",
            ["BudgetBot__Telegram__ApiBaseUrl"] = "http://127.0.0.1:9",
            ["BudgetBot__PublicBaseUrl"] = "https://budget.example.go.th",
        }, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, code);
        Assert.Contains("WebhookSecret", Assert.Single(Problems(error)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres", null, "ConnectionString is required")]
    [InlineData("mysql", null, "is not a store")]
    [InlineData("postgres", "Host=127.0.0.1;Port=9;Database=budget;Username=bb;Password=hunter2-secret;Timeout=3", "cannot be used")]
    public async Task StoreThatCannotBeUsed_IsOneLine_Exit1_AndNeverShowsThePassword(string provider, string? connection, string says)
    {
        var settings = new Dictionary<string, string> { ["BudgetBot__DataDir"] = Seed.TempDir(), ["BudgetBot__Storage__Provider"] = provider };
        if (connection is not null)
        {
            settings["BudgetBot__Storage__ConnectionString"] = connection;
        }

        var (code, output, error) = await HostProcess.RunToExitAsync(settings, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, code);
        Assert.Contains(says, Assert.Single(Problems(error)), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", output + error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BudgetBot__Telegram__WebhookSecret", "has spaces and ü")]
    [InlineData("BudgetBot__Line__ChannelSecret", "only-the-secret")]
    [InlineData("BudgetBot__Reminders__Cron", "every quarter hour")]
    [InlineData("BudgetBot__Guards__HoldPercent", "50")]
    [InlineData("BudgetBot__Dashboard__User", "admin")]
    public async Task OtherImpossibleSettings_AreRefused(string key, string value)
    {
        var (code, _, error) = await HostProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["BudgetBot__DataDir"] = Seed.TempDir(),
            [key] = value,
        }, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, code);
        Assert.Single(Problems(error));
    }

    [Theory]
    [InlineData("BudgetBot__Reminders__QuietStart", "25:99", "BudgetBot__Reminders__QuietStart cannot be read as a time of day")]
    [InlineData("BudgetBot__Guards__WarnPercent", "abc", "BudgetBot__Guards__WarnPercent cannot be read as a number")]
    [InlineData("BudgetBot__Telegram__PollTimeoutSeconds", "thirty", "BudgetBot__Telegram__PollTimeoutSeconds cannot be read as a whole number")]
    [InlineData("BudgetBot__Reminders__WeeklyDay", "Funday", "BudgetBot__Reminders__WeeklyDay cannot be read as a day of the week")]
    public async Task AValueOfTheWrongType_IsOneLineNamingTheSetting_Exit1(string key, string value, string says)
    {
        var (code, output, error) = await HostProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["BudgetBot__DataDir"] = Seed.TempDir(),
            [key] = value,
        }, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, code);
        Assert.Contains(says, Assert.Single(Problems(error)), StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", output + error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BudgetBot__Telegram__Token", "123456:abc", "http://bot.example.org", "for Telegram's webhook")]
    [InlineData("BudgetBot__Telegram__Token", "123456:abc", "https://bot.example.org:5080", "for Telegram's webhook")]
    [InlineData("BudgetBot__Line__ChannelSecret", "0123456789abcdef0123456789abcdef", "http://bot.example.org", "for LINE's webhook")]
    public async Task AWebhookAddressThePlatformCannotUse_IsRefusedAtStart(string key, string value, string publicUrl, string says)
    {
        var settings = new Dictionary<string, string>
        {
            ["BudgetBot__DataDir"] = Seed.TempDir(),
            ["BudgetBot__PublicBaseUrl"] = publicUrl,
            ["BudgetBot__Telegram__WebhookSecret"] = "a-secret",
            [key] = value,
        };
        if (key.Contains("Line", StringComparison.Ordinal))
        {
            settings["BudgetBot__Line__ChannelAccessToken"] = "token";
        }

        var (code, _, error) = await HostProcess.RunToExitAsync(settings, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, code);
        Assert.Contains(says, Assert.Single(Problems(error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BusyPort_OneLine_Exit1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (code, _, error) = await HostProcess.RunToExitAsync(new Dictionary<string, string> { ["BudgetBot__DataDir"] = Seed.TempDir() }, "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(1, code);
        Assert.Contains("in use", Assert.Single(Problems(error)), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private static List<string> Problems(string error) =>
        error.Split('\n').Where(l => l.StartsWith("BudgetBot cannot start: ", StringComparison.Ordinal)).ToList();
}
