using BudgetBot.Host.Telegram;

namespace BudgetBot.Tests.Telegram;

public sealed class RateLimitsTests
{
    private static readonly DateTimeOffset T0 = new(2023, 3, 24, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PerChat_OneMessageASecond()
    {
        var limits = new RateLimits(TimeSpan.FromSeconds(1), 20, 25);
        limits.Sent(42, T0);
        Assert.False(limits.CanSend(42, T0.AddMilliseconds(999)));
        Assert.True(limits.CanSend(42, T0.AddSeconds(1)));
        Assert.True(limits.CanSend(43, T0));
    }

    [Fact]
    public void Group_TwentyAMinute()
    {
        var limits = new RateLimits(TimeSpan.FromSeconds(1), 20, 25);
        for (var i = 0; i < 20; i++)
        {
            Assert.True(limits.CanSend(-100, T0.AddSeconds(i * 2)));
            limits.Sent(-100, T0.AddSeconds(i * 2));
        }

        Assert.False(limits.CanSend(-100, T0.AddSeconds(40)));
        Assert.True(limits.CanSend(-100, T0.AddSeconds(60.5)));
    }

    [Fact]
    public void Global_TwentyFiveASecond_And429PausesTheChat()
    {
        var limits = new RateLimits(TimeSpan.FromSeconds(1), 20, 25);
        for (var chat = 1; chat <= 25; chat++)
        {
            limits.Sent(chat, T0);
        }

        Assert.False(limits.CanSend(99, T0.AddMilliseconds(500)));
        Assert.True(limits.CanSend(99, T0.AddMilliseconds(1001)));

        limits.Pause(7, T0, TimeSpan.FromSeconds(30));
        Assert.False(limits.CanSend(7, T0.AddSeconds(29)));
        Assert.True(limits.CanSend(7, T0.AddSeconds(30)));
    }
}
