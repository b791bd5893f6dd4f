namespace BudgetBot.Host;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "The store was new (an empty data dir or database): imported the demo office '{Office}' for fiscal year {FiscalYear} ({Projects} projects, {Findings} findings, {Repairs} repairs applied) from {Report}")]
    public static partial void DemoImported(ILogger logger, string office, int fiscalYear, int projects, int findings, int repairs, string report);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Demo report {Report} not found; starting with an empty store")]
    public static partial void DemoMissing(ILogger logger, string report);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "The store holds {Offices} office(s); files under {DataDir}")]
    public static partial void DataLoaded(ILogger logger, string dataDir, int offices);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Message {SourceKey} failed; the person was told nothing changed")]
    public static partial void MessageFailed(ILogger logger, string sourceKey, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Demo people added: {People} (identities local:admin, local:executive, local:head, local:owner, local:auditor)")]
    public static partial void DemoPeople(ILogger logger, int people);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Reminder run: {Added} new message(s) queued")]
    public static partial void RemindersQueued(ILogger logger, int added);

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "A batch of {Count} event(s) failed and was rolled back; handling them one at a time")]
    public static partial void BatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 31, Level = LogLevel.Error, Message = "Event {Key} failed (attempt {Attempt}); nothing of it was kept")]
    public static partial void EventFailed(ILogger logger, string key, int attempt, Exception exception);

    [LoggerMessage(EventId = 32, Level = LogLevel.Error, Message = "Event {Key} set aside after repeated failures; its sender and the admins were told")]
    public static partial void EventSetAside(ILogger logger, string key, Exception exception);

    [LoggerMessage(EventId = 33, Level = LogLevel.Error, Message = "Reading the inbox failed; trying again shortly")]
    public static partial void DrainFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 34, Level = LogLevel.Warning, Message = "Sending {Key} failed (attempt {Attempt}): {Error}")]
    public static partial void SendFailed(ILogger logger, string key, int attempt, string error);

    [LoggerMessage(EventId = 35, Level = LogLevel.Error, Message = "Message {Key} set aside, not sent: {Error}")]
    public static partial void SendSetAside(ILogger logger, string key, string error);

    [LoggerMessage(EventId = 37, Level = LogLevel.Warning, Message = "Message {Key}: part {Part} was being sent when the sender stopped; not sent again, since the platform could not tell a repeat")]
    public static partial void PartUncertain(ILogger logger, string key, int part);

    [LoggerMessage(EventId = 55, Level = LogLevel.Warning, Message = "Message {Key} was being sent when the sender stopped; sent again, marked as a possible repeat")]
    public static partial void SentAgainMarked(ILogger logger, string key);

    [LoggerMessage(EventId = 38, Level = LogLevel.Information, Message = "Outbox archive: {Moved} sent message(s) moved out of the live outbox")]
    public static partial void OutboxArchived(ILogger logger, int moved);

    [LoggerMessage(EventId = 36, Level = LogLevel.Error, Message = "A {Platform} sending round failed; trying again shortly")]
    public static partial void SendRoundFailed(ILogger logger, string platform, Exception exception);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Telegram bot @{Username} ready ({Mode})")]
    public static partial void TelegramReady(ILogger logger, string username, string mode);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Telegram start failed (attempt {Attempt}); retrying")]
    public static partial void TelegramStartFailed(ILogger logger, int attempt, Exception exception);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Telegram polling failed; retrying in {Seconds} s")]
    public static partial void TelegramPollFailed(ILogger logger, int seconds, Exception exception);


    [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "LINE monthly message quota is used up; pushes wait until it renews. Admins were told.")]
    public static partial void LineQuotaUsedUp(ILogger logger);

    [LoggerMessage(EventId = 39, Level = LogLevel.Warning, Message = "No office in data dir {DataDir} yet: import your monitoring report with the import verb (demo data is loaded only in demo mode)")]
    public static partial void NoOffice(ILogger logger, string dataDir);

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "{People} demo people lost their roles: a platform is configured, so the data dir is no longer a demo")]
    public static partial void DemoPeopleRetired(ILogger logger, int people);

    [LoggerMessage(EventId = 41, Level = LogLevel.Error, Message = "Health check: the store cannot be read")]
    public static partial void HealthFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "A signed LINE webhook body could not be read and was refused with 400: {Reason}")]
    public static partial void LineBodyUnreadable(ILogger logger, string reason);

    [LoggerMessage(EventId = 43, Level = LogLevel.Warning, Message = "A signed LINE webhook event was skipped: {Reason}")]
    public static partial void LineEventUnreadable(ILogger logger, string reason);

    [LoggerMessage(EventId = 44, Level = LogLevel.Warning, Message = "The jobs dashboard /hangfire is off: this host can be reached from other machines and BudgetBot:Dashboard:User and Password are not set")]
    public static partial void DashboardOff(ILogger logger);

    [LoggerMessage(EventId = 45, Level = LogLevel.Information, Message = "Retention: forgot {Events} processed events, {Handled} handled-message records, {Feed} playground messages, {Buttons} expired buttons and invites, {MediaFiles} media files")]
    public static partial void RetentionDone(ILogger logger, int events, int handled, int feed, int buttons, int mediaFiles);

    [LoggerMessage(EventId = 46, Level = LogLevel.Warning, Message = "No holiday data for fiscal year {FiscalYear} in config/holidays.json: reminders skip weekends only; add the year's holidays from the cabinet's announcement")]
    public static partial void NoHolidayData(ILogger logger, int fiscalYear);

    [LoggerMessage(EventId = 47, Level = LogLevel.Information, Message = "{Platform}: configured, {How}")]
    public static partial void PlatformOn(ILogger logger, string platform, string how);

    [LoggerMessage(EventId = 53, Level = LogLevel.Warning, Message = "A queue gauge could not read the store; this scrape leaves it out")]
    public static partial void GaugeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 54, Level = LogLevel.Warning, Message = "/metrics is off: the service is reachable beyond this machine and BudgetBot__Dashboard__User and __Password are not set")]
    public static partial void MetricsOff(ILogger logger);

    [LoggerMessage(EventId = 52, Level = LogLevel.Information, Message = "BudgetBot {Version} starting; data in {DataDir}")]
    public static partial void Starting(ILogger logger, string version, string dataDir);

    [LoggerMessage(EventId = 48, Level = LogLevel.Information, Message = "{Platform}: not configured (set {Settings} to connect it)")]
    public static partial void PlatformOff(ILogger logger, string platform, string settings);

    [LoggerMessage(EventId = 49, Level = LogLevel.Information, Message = "Demo mode: the playground answers on this machine at / with the demo people local:admin, local:executive, local:head, local:owner, local:auditor")]
    public static partial void DemoModeOn(ILogger logger);

    [LoggerMessage(EventId = 50, Level = LogLevel.Warning, Message = "Lease {Lease}: lost or not reachable; asking again")]
    public static partial void LeaseFailed(ILogger logger, string lease, Exception exception);

    [LoggerMessage(EventId = 51, Level = LogLevel.Information, Message = "Storage: PostgreSQL database {Database} on {Server}, shared with any other host configured the same")]
    public static partial void StoragePostgres(ILogger logger, string database, string server);

    [LoggerMessage(EventId = 56, Level = LogLevel.Error, Message = "{Method} {Path}: answered 503, the store cannot write ({Reason}); the platform delivers again")]
    public static partial void StoreCannotWrite(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = 57, Level = LogLevel.Information, Message = "Demo mode: the clock starts at {Today:yyyy-MM-dd HH:mm zzz}, in the demo office's year (BudgetBot__Playground__Today; empty for the real clock)")]
    public static partial void DemoClock(ILogger logger, DateTimeOffset today);

    [LoggerMessage(EventId = 58, Level = LogLevel.Information, Message = "LINE quota this month: {Used} message(s) used of {Limit} (none: no limit on the plan)")]
    public static partial void LineQuotaRead(ILogger logger, long used, long? limit);

    [LoggerMessage(EventId = 59, Level = LogLevel.Warning, Message = "LINE's quota could not be read; trying again tomorrow")]
    public static partial void LineQuotaUnread(ILogger logger, Exception? exception);

    [LoggerMessage(EventId = 60, Level = LogLevel.Warning, Message = "LINE quota: {Notice}")]
    public static partial void LineQuotaNotice(ILogger logger, string notice);

    [LoggerMessage(EventId = 61, Level = LogLevel.Warning, Message = "LINE refused the card of {Key}; sent as text instead")]
    public static partial void LineCardRefused(ILogger logger, string key);

    [LoggerMessage(EventId = 62, Level = LogLevel.Warning, Message = "Receipt {Key}: its picture could not be fetched (try {Try}); trying again")]
    public static partial void ReceiptFetchFailed(ILogger logger, string key, int @try, Exception exception);

    [LoggerMessage(EventId = 63, Level = LogLevel.Error, Message = "Receipt {Key}: its picture could not be fetched after {Tries} tries and is given up; the receipt stays with its entry without it")]
    public static partial void ReceiptGivenUp(ILogger logger, string key, int tries);
}
