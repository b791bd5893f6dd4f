using System.Text;
using BudgetBot.Host.Line;

namespace BudgetBot.Tests.Line;

/// <summary>The x-line-signature vectors of PLATFORMS.md D.1.</summary>
public sealed class LineSignatureTests
{
    private const string L4Body = """{"destination":"U0123456789abcdef0123456789abcdef","events":[{"type":"message","message":{"type":"text","id":"468789577898262530","quoteToken":"q3Plxr4AgKd","text":"こんにちは /help"},"webhookEventId":"01H810YECXQQZ37VAXPF6H9E6T","deliveryContext":{"isRedelivery":false},"timestamp":1692251666727,"source":{"type":"group","groupId":"Ca56f94637c0123456789abcdef01234","userId":"U4af4980629aabbccddeeff0011223344"},"replyToken":"38ef843bde154d9b91c21320ffd17a0f","mode":"active"}]}""";

    [Theory]
    [InlineData("test_secret", """{"hello":"world"}""", "t7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM=", true)]
    [InlineData("test_secret", """{"hello":"world"}""", "t7Hn4ZDHqs6e+wdvi5TyQivzie0DmMUmuXEBqyyE/tM=", false)]
    [InlineData("test_channel_secret", """{"events":[{"message":{"id":"test_event_message_id","text":"this is test message.","type":"text"},"replyToken":"test_reply_token","source":{"groupId":"test_group_id","type":"group"},"timestamp":0,"type":"message"}]}""", "qeDy61PbQK+aO97Bs8zjaFgYjQxFruGd13pfXPQoBRU=", true)]
    [InlineData("test_channel_secret", "i am not jason", "Z8YlPpm0lQOqPipiCHVbiuwIDIzRzD7w5hvHgmwEuEs=", true)]
    [InlineData("0123456789abcdef0123456789abcdef", """{"destination":"U0123456789abcdef0123456789abcdef","events":[]}""", "94lIexwJJhBAEvU5fHF/i4JXKbSzbpgGUoZUZlwge9Q=", true)]
    [InlineData("0123456789abcdef0123456789abcdef", "{\"destination\":\"U0123456789abcdef0123456789abcdef\",\"events\":[]}\n", "dJbklUP2CkbW35u1WY1SJNU9vSMVQO0IClEDyluTPqQ=", true)]
    [InlineData("0123456789abcdef0123456789abcdef", """{"destination":"U0123456789abcdef0123456789abcdef","events":[]}""", "dJbklUP2CkbW35u1WY1SJNU9vSMVQO0IClEDyluTPqQ=", false)]
    [InlineData("0123456789abcdef0123456789abcdef", L4Body, "Rymd/cJe6WNgPGPh0aMAt2/DEEmBueyw2N1V6O8S1/o=", true)]
    [InlineData("0123456789abcdef0123456789abcdef", L4Body, "", false)]
    [InlineData("0123456789abcdef0123456789abcdef", L4Body, "not base64!", false)]
    public void Verify_Vectors(string secret, string body, string signature, bool valid) =>
        Assert.Equal(valid, LineSignature.Verify(Encoding.UTF8.GetBytes(body), secret, signature));
}
