namespace BudgetBot.Host.Telegram;

/// <summary>About one message a second per chat, 20 a minute per group, about 25 a second in all; a 429 pauses its chat.</summary>
internal sealed class RateLimits(TimeSpan perChat, int groupPerMinute, int globalPerSecond)
{
    private readonly Dictionary<long, DateTimeOffset> _nextForChat = [];
    private readonly Dictionary<long, Queue<DateTimeOffset>> _groupSends = [];
    private readonly Queue<DateTimeOffset> _globalSends = new();

    public bool CanSend(long chatId, DateTimeOffset now)
    {
        if (_nextForChat.TryGetValue(chatId, out var next) && now < next)
        {
            return false;
        }

        Trim(_globalSends, now - TimeSpan.FromSeconds(1));
        if (_globalSends.Count >= globalPerSecond)
        {
            return false;
        }

        if (chatId < 0 && _groupSends.TryGetValue(chatId, out var sent))
        {
            Trim(sent, now - TimeSpan.FromMinutes(1));
            return sent.Count < groupPerMinute;
        }

        return true;
    }

    /// <summary>How long until this chat may be sent to; zero when it may now.</summary>
    public TimeSpan Wait(long chatId, DateTimeOffset now)
    {
        var until = now;
        if (_nextForChat.TryGetValue(chatId, out var next) && next > until)
        {
            until = next;
        }

        Trim(_globalSends, now - TimeSpan.FromSeconds(1));
        if (_globalSends.Count >= globalPerSecond && _globalSends.Peek() + TimeSpan.FromSeconds(1) > until)
        {
            until = _globalSends.Peek() + TimeSpan.FromSeconds(1);
        }

        if (chatId < 0 && _groupSends.TryGetValue(chatId, out var sent))
        {
            Trim(sent, now - TimeSpan.FromMinutes(1));
            if (sent.Count >= groupPerMinute && sent.Peek() + TimeSpan.FromMinutes(1) > until)
            {
                until = sent.Peek() + TimeSpan.FromMinutes(1);
            }
        }

        return until - now;
    }

    public void Sent(long chatId, DateTimeOffset now)
    {
        _nextForChat[chatId] = now + perChat;
        _globalSends.Enqueue(now);
        if (chatId < 0)
        {
            if (!_groupSends.TryGetValue(chatId, out var sent))
            {
                _groupSends[chatId] = sent = new Queue<DateTimeOffset>();
            }

            sent.Enqueue(now);
        }
    }

    /// <summary>Telegram said 429: nothing more to this chat until <paramref name="retryAfter"/> has passed.</summary>
    public void Pause(long chatId, DateTimeOffset now, TimeSpan retryAfter) => _nextForChat[chatId] = now + retryAfter;

    private static void Trim(Queue<DateTimeOffset> sends, DateTimeOffset before)
    {
        while (sends.Count > 0 && sends.Peek() <= before)
        {
            sends.Dequeue();
        }
    }
}
