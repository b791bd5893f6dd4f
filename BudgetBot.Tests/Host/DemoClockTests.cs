using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace BudgetBot.Tests.Host;

/// <summary>
/// The demo office is fiscal year 2566, so in demo mode the service runs on that year's clock (10 May 2566 unless
/// <c>Playground:Today</c> says otherwise): the README's sentences work as written, without a date.
/// </summary>
public sealed class DemoClockTests
{
    [Fact]
    public async Task DemoMode_ASpendWithoutADate_IsDatedInTheDemoYear_AndThePickerNamesRolesInThai()
    {
        await using var host = await HostProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Url };

        var reply = await Say(http, "จ่ายค่าถ่ายเอกสาร 350 บาท โครงการ 7");
        var people = string.Join("\n", (await http.GetFromJsonAsync<JsonElement>(new Uri("/playground/people", UriKind.Relative))).EnumerateArray().Select(p => p.GetProperty("roles").GetString()));

        Assert.True(reply.Contains("10 พ.ค. 2566", StringComparison.Ordinal), reply);
        Assert.Contains("Demo mode: the clock starts at 2023-05-10 09:00 +07:00", host.StartupLog + host.Output, StringComparison.Ordinal);
        Assert.Contains("ผู้รับผิดชอบโครงการ", people, StringComparison.Ordinal);
        Assert.Contains("ผู้ดูแลระบบ", people, StringComparison.Ordinal);
        Assert.DoesNotContain("Owner", people, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TodayEmpty_RunsOnTheRealClock()
    {
        await using var host = await HostProcess.StartAsync(new Dictionary<string, string> { ["BudgetBot__Playground__Today"] = "" });
        using var http = new HttpClient { BaseAddress = host.Url };

        var reply = await Say(http, "จ่ายค่าถ่ายเอกสาร 350 บาท โครงการ 7");

        // Today is outside the demo office's year, so the spend is not dated in it.
        Assert.DoesNotContain("10 พ.ค. 2566", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo mode: the clock starts", host.StartupLog + host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TodayNotATime_StopsTheStart_InOneLine()
    {
        var (code, _, error) = await HostProcess.RunToExitAsync(
            new Dictionary<string, string> { ["BudgetBot__DataDir"] = Seed.TempDir(), ["BudgetBot__Playground__Today"] = "10 May" }, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, code);
        Assert.Contains("Playground:Today '10 May' is not a time", Assert.Single(error.Split('\n'), l => l.StartsWith("BudgetBot cannot start", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    private static async Task<string> Say(HttpClient http, string text)
    {
        var body = $$"""{"identity":"local:owner","chat":"private","text":"{{text}}"}""";
        using var response = await http.PostAsync(new Uri("/playground/messages", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return string.Join("\n", (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(r => r.GetProperty("text").GetString()));
    }
}
