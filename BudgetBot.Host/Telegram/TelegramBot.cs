using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace BudgetBot.Host.Telegram;

/// <summary>The Telegram.Bot client pointed at <c>ApiBaseUrl</c>, with its own 429 retries off so our sender sees and honours them.</summary>
internal sealed class TelegramBot
{
    private readonly Lazy<ITelegramBotClient> _client;

    public TelegramBot(IOptions<BudgetBotOptions> options, IHttpClientFactory http)
    {
        var o = options.Value.Telegram;
        Enabled = o.Enabled();
        _client = new(() =>
        {
            var client = http.CreateClient(nameof(TelegramBot));
            client.Timeout = TimeSpan.FromSeconds(o.PollTimeoutSeconds + 15);
            return new TelegramBotClient(new TelegramBotClientOptions(o.Token!, o.ApiBaseUrl) { RetryThreshold = 0 }, client);
        });
    }

    public bool Enabled { get; }

    public ITelegramBotClient Client => _client.Value;

    /// <summary>Our user name, from getMe at start; commands addressed to another bot are ignored by it.</summary>
    public string Username { get; set; } = "";

    public TaskCompletionSource Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
