using System.Globalization;
using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;
using BudgetBot.Domain.Reminders;
using BudgetBot.Host.Jobs;
using BudgetBot.Host.Options;
using BudgetBot.Tests.Conversation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using BudgetBot.Tests.Storage;

namespace BudgetBot.Tests.Reminders;

public abstract class ReminderContract : IDisposable
{
    private readonly ChatFixture _chat;
    private readonly FakeTimeProvider _clock = new();
    private readonly ReminderRun _run;

    protected ReminderContract(StoreKind kind)
    {
        _chat = new(kind: kind);
        var options = Microsoft.Extensions.Options.Options.Create(new BudgetBotOptions());
        _run = new ReminderRun(_chat.Store, _chat.Store, _chat.Store, new BudgetBot.Host.Messaging.MessageSignals(), new CalendarData(), options, _clock, NullLogger<ReminderRun>.Instance);
    }

    public void Dispose()
    {
        _chat.Dispose();
        GC.SuppressFinalize(this);
    }

    private static DateTimeOffset Bangkok(string local) =>
        DateTimeOffset.Parse(local + "+07:00", CultureInfo.InvariantCulture);

    [SkippableFact]
    public void DryRun_WeekBeforeQ2End_NamesExactlyTheProjectsBehindTheirCumulativePlan_NeverOneWithNothingLeft()
    {
        var snapshot = Seed.Analyze(acceptRepairs: true).ToSnapshot(StoreAt, "seed");
        decimal Result(Project p, int upTo) => snapshot.Entries.Where(e => e.ProjectId == p.Id && e.Quarter <= upTo).Sum(e => e.Amount);
        var expected = snapshot.Projects
            .Where(p => p.Status is not (ProjectStatus.Done or ProjectStatus.Postponed or ProjectStatus.Cancelled))
            .Where(p => p.Plan.Q1 + p.Plan.Q2 > Result(p, 2) && p.Allocation > Result(p, 4))
            .Select(p => p.Number)
            .Order()
            .ToList();

        var notices = _run.Due(Bangkok("2023-03-24T09:00"));
        var named = notices.Where(n => n.Kind is NoticeKind.QuarterReminder or NoticeKind.UnownedReminder)
            .SelectMany(n => n.Reasons).Select(r => int.Parse(r.Split('.')[0], CultureInfo.InvariantCulture)).Distinct().Order().ToList();

        Assert.Equal(expected, named);
        Assert.DoesNotContain(35, named); // 10,200 of 10,200 spent: nothing left to chase
        Assert.Contains(39, named);       // 28,800 behind its plan to Q2
        Assert.Contains(10, named);
        Assert.Contains(32, named);
        Assert.Contains(34, named);

        // /lagging q2 lists the same projects as the reminder, for the same reason.
        var lagging = _chat.Say("local:admin", "/lagging q2")[0].Text;
        Assert.Contains($"{expected.Count} โครงการ", lagging, StringComparison.Ordinal);
        var owner = Assert.Single(notices, n => n.Kind == NoticeKind.QuarterReminder);
        Assert.Equal("demo-owner", owner.PersonId);
        var chart = Assert.Single(owner.Reply.Attachments);
        Assert.Equal((Domain.Conversation.ChartScope.Project, Project.KeyFor(_chat.OfficeId, 2566, 7)), (chart.Scope, chart.ScopeId)); // 27,950 behind, more than 17
        Assert.Contains("7. เสริมสร้างและพัฒนาประสิทธิภาพการบริหารงานบุคคล (ประชุมงานประจำ) — ถึงไตรมาส 2: แผน ", owner.Reply.Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void UnownedProjectsBehind_GoToTheAdmins_AndTheHeadOfTheirDivision_WithTheirOwnOnly()
    {
        var notices = _run.Due(Bangkok("2023-03-24T09:00")).Where(n => n.Kind == NoticeKind.UnownedReminder).ToList();
        var head = _chat.Store.Person("demo-head")!;
        var division = head.Roles.Single(r => r.Role == Role.DivisionHead).Scope;
        var theirs = Assert.Single(notices, n => n.PersonId == head.Id);
        var admin = Assert.Single(notices, n => n.PersonId == "demo-admin");

        var numbers = theirs.Reasons.Select(r => int.Parse(r.Split('.')[0], CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(numbers);
        Assert.All(numbers, n => Assert.Equal(division, _chat.Store.Project(Project.KeyFor(_chat.OfficeId, 2566, n))!.DivisionId));
        Assert.True(admin.Reasons.Count > theirs.Reasons.Count);
    }

    [SkippableFact]
    public void AnAdminWhoOwnsAProjectBehind_GetsOneReminder_WithTheirOwnAndTheUnowned()
    {
        var seven = _chat.Store.Project(Project.KeyFor(_chat.OfficeId, 2566, 7))!;
        _chat.Store.SaveProject(seven with { Owners = ["demo-admin"] });

        var notices = _run.Due(Bangkok("2023-03-24T09:00")).Where(n => n.PersonId == "demo-admin").ToList();

        var one = Assert.Single(notices);
        Assert.Equal(NoticeKind.QuarterReminder, one.Kind);
        var text = one.Reply.Text;
        Assert.True(text.IndexOf("7. ", StringComparison.Ordinal) < text.IndexOf("ยังไม่มีผู้รับผิดชอบ", StringComparison.Ordinal), text);
        Assert.Contains("39. ", text[text.IndexOf("ยังไม่มีผู้รับผิดชอบ", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain("7. ", text[text.IndexOf("ยังไม่มีผู้รับผิดชอบ", StringComparison.Ordinal)..].Split('\n').Skip(1).Select(l => l[..Math.Min(3, l.Length)]));
        Assert.Single(one.Reply.Attachments);
    }

    [SkippableFact]
    public void GroupReminder_SaysResultsAreBelowPlan_NotThatNobodyReported()
    {
        _chat.Store.SaveSubscription(new Subscription("local:group-1", _chat.OfficeId, SubscriptionKind.Weekly, null, "demo-admin"));
        var group = Assert.Single(_run.Due(Bangkok("2023-03-24T09:00")), n => n.Kind == NoticeKind.GroupReminder);

        Assert.Contains("ผลการเบิกจ่ายต่ำกว่าแผน", group.Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ยังไม่ได้รายงาน", group.Reply.Text, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("2023-04-17", "2023-04-18")]
    [InlineData("2023-07-31", "2023-08-03")]
    [InlineData("2023-08-14", "2023-08-15")]
    public void WeeklySummary_OnAHolidayMonday_GoesOnTheNextWorkingDay(string holiday, string next)
    {
        _chat.Store.SaveSubscription(new Subscription("local:group-1", _chat.OfficeId, SubscriptionKind.Weekly, null, "demo-admin"));

        Assert.DoesNotContain(_run.Due(Bangkok(holiday + "T09:00")), n => n.Kind == NoticeKind.WeeklySummary);
        Assert.Contains(_run.Due(Bangkok(next + "T09:00")), n => n.Kind == NoticeKind.WeeklySummary);
    }

    [SkippableTheory]
    [InlineData("2023-12-11", "2023-12-12")] // Constitution Day's substitute
    [InlineData("2024-02-26", "2024-02-27")] // Makha Bucha's substitute
    public void WeeklySummary_OnAHolidayMondayOfTheNextYear_GoesOnTheNextWorkingDay(string holiday, string next)
    {
        Assert.Equal(ImportWrite.Written, _chat.Store.Import(Seed.NextYear()));
        _chat.Store.SaveSubscription(new Subscription("local:group-1", _chat.OfficeId, SubscriptionKind.Weekly, null, "demo-admin"));

        Assert.DoesNotContain(_run.Due(Bangkok(holiday + "T09:00")), n => n.Kind == NoticeKind.WeeklySummary);
        var summary = Assert.Single(_run.Due(Bangkok(next + "T09:00")), n => n.Kind == NoticeKind.WeeklySummary);
        Assert.Equal(2567, Assert.Single(summary.Reply.Attachments).FiscalYear);
    }

    /// <summary>
    /// Every quarter's report-due notice of FY2566 and FY2567, walked day by day: it goes on the first working day after
    /// the quarter, never before, and names a working-day deadline, checked against the holiday calendar by hand.
    /// </summary>
    [SkippableFact]
    public void ReportDue_AcrossTwoYears_GoesOnTheFirstWorkingDay_WithAWorkingDayDeadline()
    {
        Assert.Equal(ImportWrite.Written, _chat.Store.Import(Seed.NextYear()));
        var expected = new[]
        {
            "Q1 ended 2022-12-31, due 2023-01-16", // sent Tue 3 Jan: 1 Jan and its substitute Mon 2 Jan are holidays
            "Q2 ended 2023-03-31, due 2023-04-18", // sent Mon 3 Apr; 15 Apr is Songkran
            "Q3 ended 2023-06-30, due 2023-07-17", // sent Mon 3 Jul; 15 Jul is a Saturday
            "Q4 ended 2023-09-30, due 2023-10-16", // sent Mon 2 Oct; 15 Oct is a Sunday
            "Q1 ended 2023-12-31, due 2024-01-15", // sent Tue 2 Jan: 1 Jan is a holiday, its substitute was moved to 29 Dec
            "Q2 ended 2024-03-31, due 2024-04-17", // sent Mon 1 Apr; 15 and 16 Apr are Songkran's substitutes
            "Q3 ended 2024-06-30, due 2024-07-15", // sent Mon 1 Jul
            "Q4 ended 2024-09-30, due 2024-10-15", // sent Tue 1 Oct
        };
        var sent = new Dictionary<string, DateOnly>();
        for (var day = new DateOnly(2022, 12, 25); day <= new DateOnly(2024, 10, 31); day = day.AddDays(1))
        {
            if (day.Day is > 20 and < 28 && day.Month is 12 or 3 or 6 or 9 || day.Day <= 20)
            {
                foreach (var n in _run.Due(Bangkok(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T10:00")).Where(n => n.Kind == NoticeKind.ReportDue))
                {
                    sent.TryAdd(Assert.Single(n.Reasons), day);
                }
            }
        }

        Assert.Equal(expected, sent.Keys);
        var days = new CalendarData().WorkingDays;
        Assert.All(sent, s => Assert.Equal(days.OnOrAfter(DateOnly.Parse(s.Key[9..19], CultureInfo.InvariantCulture).AddDays(1)), s.Value));
        Assert.Equal(
            [new(2023, 1, 3), new(2023, 4, 3), new(2023, 7, 3), new(2023, 10, 2), new(2024, 1, 2), new(2024, 4, 1), new(2024, 7, 1), new(2024, 10, 1)],
            sent.Values);
    }

    [SkippableFact]
    public void ReportDue_GoesOnAWorkingDay_WithAWorkingDayDeadline_AndAMissedOneWaitsForAWorkingMorning()
    {
        // Q2 ends Friday 31 Mar 2566: not on Saturday 1 Apr, but Monday 3 Apr; 15 Apr falls in Songkran, so the deadline is the 18th.
        Assert.DoesNotContain(_run.Due(Bangkok("2023-04-01T09:00")), n => n.Kind == NoticeKind.ReportDue);
        Assert.DoesNotContain(_run.Due(Bangkok("2023-04-02T09:00")), n => n.Kind == NoticeKind.ReportDue);
        var due = Assert.Single(_run.Due(Bangkok("2023-04-03T09:00")), n => n.Kind == NoticeKind.ReportDue);
        Assert.Contains("18 เม.ย. 2566", due.Reply.Text, StringComparison.Ordinal);
        Assert.Empty(_run.Due(Bangkok("2023-04-13T09:00")));
    }

    private static readonly DateTimeOffset StoreAt = ChatFixture.Now;

    [SkippableTheory]
    [InlineData(1, "2022-12-23", "2022-12-29")]
    [InlineData(2, "2023-03-24", "2023-03-30")]
    [InlineData(3, "2023-06-23", "2023-06-29")]
    [InlineData(4, "2023-09-22", "2023-09-29")]
    public void QuarterReminders_AcrossTheYear_FallOnTheWorkingDayBefore(int quarter, string sevenDays, string oneDay)
    {
        var first = new Dictionary<string, DateOnly>();
        var start = FiscalCalendarStart(quarter);
        for (var day = start; day <= start.AddMonths(3); day = day.AddDays(1))
        {
            foreach (var n in _run.Due(Bangkok(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T09:00")).Where(n => n.Kind == NoticeKind.UnownedReminder))
            {
                first.TryAdd(n.Key.Split(':')[3], day);
            }
        }

        Assert.Equal(DateOnly.Parse(sevenDays, CultureInfo.InvariantCulture), first["d7"]);
        Assert.Equal(DateOnly.Parse(oneDay, CultureInfo.InvariantCulture), first["d1"]);
    }

    private static DateOnly FiscalCalendarStart(int quarter) => Domain.Calendar.FiscalCalendar.QuarterStart(2566, quarter);

    [SkippableFact]
    public void RollOver_AfterTheYearEnds_OnlyTheQ4ReportIsDue()
    {
        var notices = _run.Due(Bangkok("2023-10-02T09:00"));
        Assert.DoesNotContain(notices, n => n.Kind is NoticeKind.QuarterReminder or NoticeKind.UnownedReminder);
        var due = Assert.Single(notices, n => n.Kind == NoticeKind.ReportDue);
        Assert.Contains("ไตรมาส 4/2566", due.Reply.Text, StringComparison.Ordinal);
        // Fifteen days after the quarter is Sunday 15 Oct: the deadline given is the working day after, Monday 16 Oct.
        Assert.Contains("16 ต.ค. 2566", due.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(Domain.Conversation.Attachment.Report(_chat.OfficeId, 2566, "q4"), Assert.Single(due.Reply.Attachments));
        Assert.DoesNotContain(_run.Due(Bangkok("2023-10-17T09:00")), n => n.Kind == NoticeKind.ReportDue);
    }

    [SkippableTheory]
    [InlineData("2023-03-24T21:00")]
    [InlineData("2023-03-25T07:59")]
    [InlineData("2023-03-24T08:59")]
    public void QuietHoursOrBeforeNine_SendNothingYet(string local) =>
        Assert.DoesNotContain(_run.Due(Bangkok(local)), n => n.Kind == NoticeKind.UnownedReminder);

    [SkippableFact]
    public void CatchUp_AfterDowntime_SendsTheMissedReminderOnce()
    {
        _clock.SetUtcNow(Bangkok("2023-03-28T10:00"));
        var first = _run.Run();
        var again = _run.Run();

        Assert.True(first > 0);
        Assert.Equal(0, again);
        var queued = _chat.Store.Outbox(OutboxStatus.Pending, 100);
        Assert.Contains(queued, o => o.Key.Contains(":d7:", StringComparison.Ordinal));
        Assert.DoesNotContain(queued, o => o.Key.Contains(":d1:", StringComparison.Ordinal));

        _clock.SetUtcNow(Bangkok("2023-03-30T09:05"));
        Assert.True(_run.Run() > 0);
        Assert.Contains(_chat.Store.Outbox(OutboxStatus.Pending, 100), o => o.Key.Contains(":d1:", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task SameJob_RunTwiceConcurrently_QueuesEachMessageOnce()
    {
        _clock.SetUtcNow(Bangkok("2023-03-24T09:00"));
        var expected = _run.Due(_clock.GetUtcNow()).Count;
        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(_run.Run)));
        Assert.Equal(expected, counts.Sum());
        Assert.Equal(expected, _chat.Store.Outbox(OutboxStatus.Pending, 1000).Count);
    }

    [SkippableFact]
    public void Groups_GetOneReminderADay_AndTheWeeklySummaryOnMonday()
    {
        _chat.Store.SaveSubscription(new Subscription("local:planning-group", _chat.OfficeId, SubscriptionKind.Weekly, null, "demo-admin"));

        var group = Assert.Single(_run.Due(Bangkok("2023-03-24T09:00")), n => n.Kind == NoticeKind.GroupReminder);
        Assert.Equal(Domain.Conversation.ChartScope.Behind, Assert.Single(group.Reply.Attachments).Scope);
        Assert.Single(_run.Due(Bangkok("2023-03-24T15:00")), n => n.Kind == NoticeKind.GroupReminder);
        Assert.NotEqual(
            _run.Due(Bangkok("2023-03-24T09:00")).Single(n => n.Kind == NoticeKind.GroupReminder).Key,
            _run.Due(Bangkok("2023-03-30T09:00")).Single(n => n.Kind == NoticeKind.GroupReminder).Key);

        Assert.DoesNotContain(_run.Due(Bangkok("2023-03-27T08:29")), n => n.Kind == NoticeKind.WeeklySummary);
        var weekly = Assert.Single(_run.Due(Bangkok("2023-03-27T08:30")), n => n.Kind == NoticeKind.WeeklySummary);
        Assert.Contains("เบิกจ่ายแล้ว 862,370 บาท จากงบที่ได้รับจัดสรร 1,975,480 บาท", weekly.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(Domain.Conversation.AttachmentKind.Image, Assert.Single(weekly.Reply.Attachments).Kind);
        Assert.Equal(weekly.Key, _run.Due(Bangkok("2023-03-29T14:00")).Single(n => n.Kind == NoticeKind.WeeklySummary).Key);
    }

    [SkippableFact]
    public void WeeklySummary_ComparesWithTheOfficesOwnPlanFirst_ThenTheCurrentExpenditureTarget()
    {
        _chat.Store.SaveSubscription(new Subscription("local:planning-group", _chat.OfficeId, SubscriptionKind.Weekly, null, "demo-admin"));
        var weekly = Assert.Single(_run.Due(Bangkok("2022-12-26T08:30")), n => n.Kind == NoticeKind.WeeklySummary).Reply.Text;

        var lines = weekly.Split('\n');
        var plan = Array.FindIndex(lines, l => l.StartsWith("เทียบแผนของหน่วยงานถึงไตรมาส 1", StringComparison.Ordinal));
        var target = Array.FindIndex(lines, l => l.Contains("รายจ่ายประจำของ ครม.", StringComparison.Ordinal));
        Assert.True(plan > 0 && target > plan, weekly);
        Assert.Contains("ของแผน", lines[plan], StringComparison.Ordinal);
        Assert.Contains("เป้าหมายร้อยละ 35.0", lines[target], StringComparison.Ordinal); // current expenditure, Q1 FY2566
        // Plan before result, in the office's words.
        Assert.Matches(@"^เทียบแผนของหน่วยงานถึงไตรมาส 1: แผน [0-9,]+ บาท ผล [0-9,]+ บาท \(ร้อยละ [0-9,]+\.[0-9] ของแผน\)$", lines[plan]);
    }

    [SkippableFact]
    public void MonthlyGroup_GetsOneSummaryAMonth()
    {
        _chat.Store.SaveSubscription(new Subscription("local:heads", _chat.OfficeId, SubscriptionKind.Monthly, null, "demo-admin"));
        var march = Assert.Single(_run.Due(Bangkok("2023-03-02T10:00")), n => n.Kind == NoticeKind.WeeklySummary);
        Assert.StartsWith("สรุปประจำเดือน 1 มี.ค. 2566", march.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(march.Key, _run.Due(Bangkok("2023-03-27T10:00")).Single(n => n.Kind == NoticeKind.WeeklySummary).Key);
        Assert.NotEqual(march.Key, _run.Due(Bangkok("2023-04-03T10:00")).Single(n => n.Kind == NoticeKind.WeeklySummary).Key);
    }

    [SkippableFact]
    public async Task Reminder_DeliveredLocally_OnceWithAWorkingButton()
    {
        _clock.SetUtcNow(Bangkok("2023-03-24T09:00"));
        _run.Run();
        using var pipeline = new Pipeline(_chat.Store, _chat.Engine, _clock);
        var sender = pipeline.Senders[BudgetBot.Host.Local.LocalChannel.Platform];

        var (delivered, _) = await sender.RoundAsync(CancellationToken.None);
        Assert.True(delivered > 0);
        Assert.Equal(0, (await sender.RoundAsync(CancellationToken.None)).Sent);
        var feed = Assert.Single(_chat.Store.LocalFeed("local:owner", 10));
        Assert.StartsWith("เตือนรายงานผล ไตรมาส 2/2566", feed.Reply.Text, StringComparison.Ordinal);

        var button = Assert.Single(feed.Reply.AllButtons);
        Assert.Equal("รายงานโครงการ 7", button.Label);
        Assert.Contains("จ่าย 7", _chat.Tap("local:owner", button)[0].Text, StringComparison.Ordinal);
        Assert.Contains("ใช้ไปแล้ว", _chat.Tap("local:owner", button)[0].Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Spend_CrossingEightyPercent_AlertsAdminsAndTheDivisionHeadOnce()
    {
        _chat.Say("local:owner", "/spend 17 20,000 1/3/2566");
        _chat.Say("local:owner", "/spend 17 100 2/3/2566");

        var alerts = _chat.Store.Outbox(OutboxStatus.Pending, 100).Where(o => o.Kind == nameof(NoticeKind.ThresholdAlert)).ToList();
        Assert.Equal(["demo-admin", "demo-head"], alerts.Select(a => a.PersonId).Order());
        Assert.All(alerts, a => Assert.Contains("เกิน 80%", a.Reply.Text, StringComparison.Ordinal));
    }
}

public sealed class ReminderTestsOnLiteDb() : ReminderContract(StoreKind.LiteDb);

public sealed class ReminderTestsOnPostgres() : ReminderContract(StoreKind.Postgres);

public sealed class ReminderTestsOnMemory() : ReminderContract(StoreKind.Memory);
