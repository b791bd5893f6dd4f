using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BudgetBot.Host.Telegram;

/// <summary>At start: who we are (getMe), our command list in Thai and English, and webhook or polling.</summary>
internal sealed class TelegramStartup(TelegramBot bot, IOptions<BudgetBotOptions> options, ILogger<TelegramStartup> logger) : BackgroundService
{
    public static readonly UpdateType[] Updates = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!bot.Enabled)
        {
            return;
        }

        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var me = await bot.Client.GetMe(stoppingToken);
                bot.Username = me.Username ?? "";
                await bot.Client.SetMyCommands(Commands(thai: true), cancellationToken: stoppingToken);
                await bot.Client.SetMyCommands(Commands(thai: false), languageCode: "en", cancellationToken: stoppingToken);
                var o = options.Value;
                if (!string.IsNullOrEmpty(o.PublicBaseUrl))
                {
                    var url = o.PublicBaseUrl.TrimEnd('/') + "/webhooks/telegram";
                    await bot.Client.SetWebhook(url, allowedUpdates: Updates, secretToken: o.Telegram.WebhookSecret, cancellationToken: stoppingToken);
                }
                else
                {
                    await bot.Client.DeleteWebhook(cancellationToken: stoppingToken);
                }

                Log.TelegramReady(logger, bot.Username, string.IsNullOrEmpty(o.PublicBaseUrl) ? "polling" : "webhook");
                bot.Ready.TrySetResult();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.TelegramStartFailed(logger, attempt, ex);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), stoppingToken);
            }
        }
    }

    private static BotCommand[] Commands(bool thai) =>
    [
        new() { Command = "help", Description = thai ? "วิธีใช้" : "How to use" },
        new() { Command = "spend", Description = thai ? "บันทึกการใช้จ่าย: โครงการ จำนวนเงิน [วันที่] [หมายเหตุ]" : "Record spending: project amount [date] [note]" },
        new() { Command = "undo", Description = thai ? "ยกเลิกรายการล่าสุด" : "Cancel my last entry" },
        new() { Command = "balance", Description = thai ? "ยอดคงเหลือ" : "Balance" },
        new() { Command = "projects", Description = thai ? "รายการโครงการ" : "List projects" },
        new() { Command = "plan", Description = thai ? "กำหนดแผนรายไตรมาส" : "Set a quarter plan" },
        new() { Command = "progress", Description = thai ? "บันทึกความก้าวหน้า" : "Progress note" },
        new() { Command = "status", Description = thai ? "สถานะโครงการ" : "Project status" },
        new() { Command = "lagging", Description = thai ? "โครงการที่ต่ำกว่าแผน" : "Behind plan" },
        new() { Command = "history", Description = thai ? "ประวัติรายการ" : "Entries of a project" },
        new() { Command = "receipt", Description = thai ? "แนบรูปใบเสร็จ: เลขรายการ แล้วส่งรูป" : "Attach a receipt: entry number, then the photo" },
        new() { Command = "report", Description = thai ? "รายงานติดตาม (XLSX)" : "Monitoring report (XLSX)" },
        new() { Command = "chart", Description = thai ? "กราฟแผนและผล" : "Plan and actual chart" },
        new() { Command = "subscribe", Description = thai ? "รับสรุปในกลุ่มนี้" : "Summaries in this group" },
        new() { Command = "invite", Description = thai ? "เชิญผู้ใช้" : "Invite someone" },
        new() { Command = "join", Description = thai ? "เข้าร่วมด้วยรหัสเชิญ" : "Join with an invite code" },
        new() { Command = "whoami", Description = thai ? "ฉันคือใคร" : "Who am I" },
        new() { Command = "lang", Description = thai ? "ภาษา th หรือ en" : "Language th or en" },
    ];
}
