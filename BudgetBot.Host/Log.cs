namespace BudgetBot.Host;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Data dir was empty: imported the demo office '{Office}' for fiscal year {FiscalYear} ({Projects} projects, {Findings} findings, {Repairs} repairs applied) from {Report}")]
    public static partial void DemoImported(ILogger logger, string office, int fiscalYear, int projects, int findings, int repairs, string report);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Demo report {Report} not found; starting with an empty data dir")]
    public static partial void DemoMissing(ILogger logger, string report);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Data dir {DataDir} holds {Offices} office(s)")]
    public static partial void DataLoaded(ILogger logger, string dataDir, int offices);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Message {SourceKey} failed; the person was told nothing changed")]
    public static partial void MessageFailed(ILogger logger, string sourceKey, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Demo people added: {People} (identities local:admin, local:executive, local:head, local:owner, local:auditor)")]
    public static partial void DemoPeople(ILogger logger, int people);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Reminder run: {Added} new message(s) queued")]
    public static partial void RemindersQueued(ILogger logger, int added);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Local delivery failed; pending messages stay queued")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Telegram bot @{Username} ready ({Mode})")]
    public static partial void TelegramReady(ILogger logger, string username, string mode);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Telegram start failed (attempt {Attempt}); retrying")]
    public static partial void TelegramStartFailed(ILogger logger, int attempt, Exception exception);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Telegram polling failed; retrying in {Seconds} s")]
    public static partial void TelegramPollFailed(ILogger logger, int seconds, Exception exception);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "Telegram update {Key} failed; it stays in the inbox")]
    public static partial void TelegramUpdateFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "Telegram send {Key} failed (attempt {Attempt}); retrying")]
    public static partial void TelegramSendFailed(ILogger logger, string key, int attempt, Exception exception);

    [LoggerMessage(EventId = 15, Level = LogLevel.Information, Message = "Telegram chat {Chat} is gone (blocked or kicked); not sending to it")]
    public static partial void TelegramChatGone(ILogger logger, long chat);

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "LINE event {Key} could not be read; skipped")]
    public static partial void LineEventFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "LINE send {Key} failed ({Outcome}); retrying")]
    public static partial void LineSendFailed(ILogger logger, string key, string outcome);

    [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "LINE monthly message quota is used up; pushes wait until it renews. Admins were told.")]
    public static partial void LineQuotaUsedUp(ILogger logger);
}
