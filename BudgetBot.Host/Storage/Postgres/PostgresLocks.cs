namespace BudgetBot.Host.Storage.Postgres;

/// <summary>
/// The first key of every advisory lock BudgetBot takes (the second is a hash of what is locked), so its locks never
/// collide with each other's kinds, nor with another application's on the same database.
/// </summary>
internal static class PostgresLocks
{
    public const int Migrations = 0x4242_0001;

    /// <summary>A chat's events, held by one host's drainer until its transaction ends.</summary>
    public const int InboxChat = 0x4242_0002;

    /// <summary>A platform's chat, held by one host's sender while it sends to it.</summary>
    public const int OutboxChat = 0x4242_0004;

    /// <summary>A named lease (Telegram polling), held by one host's session.</summary>
    public const int Lease = 0x4242_0003;
}
