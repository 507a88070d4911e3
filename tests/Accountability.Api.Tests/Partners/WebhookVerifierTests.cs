using Accountability.Api.Features.Webhooks;
using Accountability.Client;

namespace Accountability.Api.Tests.Partners;

/// <summary>The partners' Standard Webhooks verifier against what the service's own signer sends (WebhookSignature).</summary>
[Category("api")]
public sealed class WebhookVerifierTests
{
    private const string Body = """{"type":"complaint.assigned","complaintId":"0193a7d2-5c1e-7c3a-9f10-2b5e8c4d6a71"}""";
    private const string Id = "msg_2Kx9";
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly string Timestamp = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
    private readonly string secret = WebhookSignature.NewSecret();

    private WebhookVerifier Verifier(string? key = null) => new(key ?? secret, clock: new FixedClock(Now));

    [Test]
    public void A_delivery_signed_with_the_endpoints_secret_is_genuine()
    {
        var signature = WebhookSignature.Header([secret], Id, Now.ToUnixTimeSeconds(), Body);
        Assert.DoesNotThrow(() => Verifier().Verify(Body, Id, Timestamp, signature));
    }

    [Test]
    public void A_tampered_body_is_refused()
    {
        var signature = WebhookSignature.Header([secret], Id, Now.ToUnixTimeSeconds(), Body);
        var refusal = Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(Body.Replace("assigned", "closed"), Id, Timestamp, signature));
        Assert.That(refusal!.Message, Does.Contain("No v1 signature matches"));
    }

    [Test]
    public void A_changed_id_or_timestamp_is_refused_as_the_signature_covers_them()
    {
        var signature = WebhookSignature.Header([secret], Id, Now.ToUnixTimeSeconds(), Body);
        Assert.That(Verifier().IsValid(Body, "msg_other", Timestamp, signature), Is.False);
        Assert.That(Verifier().IsValid(Body, Id, (Now.ToUnixTimeSeconds() - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), signature), Is.False);
    }

    [Test]
    public void A_signature_made_with_another_secret_is_refused()
    {
        var signature = WebhookSignature.Header([WebhookSignature.NewSecret()], Id, Now.ToUnixTimeSeconds(), Body);
        Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(Body, Id, Timestamp, signature));
    }

    [Test]
    public void A_timestamp_older_or_further_ahead_than_the_tolerance_is_refused()
    {
        foreach (var offset in new[] { TimeSpan.FromMinutes(-6), TimeSpan.FromMinutes(6) })
        {
            var at = Now + offset;
            var signature = WebhookSignature.Header([secret], Id, at.ToUnixTimeSeconds(), Body);
            var refusal = Assert.Throws<WebhookVerificationException>(
                () => Verifier().Verify(Body, Id, at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), signature));
            Assert.That(refusal!.Message, Does.Contain("webhook-timestamp"));
        }
        var withinTolerance = Now.AddMinutes(-4);
        Assert.That(Verifier().IsValid(Body, Id, withinTolerance.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            WebhookSignature.Header([secret], Id, withinTolerance.ToUnixTimeSeconds(), Body)), Is.True);
    }

    [Test]
    public void One_matching_signature_among_several_is_enough_as_during_a_secret_rotation()
    {
        var newSecret = WebhookSignature.NewSecret();
        var signatures = WebhookSignature.Header([newSecret, secret], Id, Now.ToUnixTimeSeconds(), Body);
        Assert.That(signatures.Split(' '), Has.Length.EqualTo(2));
        Assert.That(Verifier().IsValid(Body, Id, Timestamp, signatures), Is.True, "the old secret");
        Assert.That(Verifier(newSecret).IsValid(Body, Id, Timestamp, signatures), Is.True, "the new secret");
        Assert.That(Verifier().IsValid(Body, Id, Timestamp, "v1,bm90IGEgc2lnbmF0dXJl v2,abc " + signatures.Split(' ')[1]), Is.True,
            "other versions and wrong signatures beside the right one are skipped");
    }

    [Test]
    public void Missing_or_malformed_headers_are_refused_by_name()
    {
        var signature = WebhookSignature.Header([secret], Id, Now.ToUnixTimeSeconds(), Body);
        Assert.That(Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(Body, null, Timestamp, signature))!.Message, Does.Contain("webhook-id"));
        Assert.That(Assert.Throws<WebhookVerificationException>(() => Verifier().Verify(Body, Id, "yesterday", signature))!.Message, Does.Contain("webhook-timestamp"));
        Assert.That(Verifier().IsValid(Body, Id, Timestamp, "v1,not base64!"), Is.False);
    }

    [Test]
    public void Headers_are_found_whatever_their_case()
    {
        var headers = new Dictionary<string, IEnumerable<string>>
        {
            ["Webhook-Id"] = [Id],
            ["WEBHOOK-TIMESTAMP"] = [Timestamp],
            ["webhook-signature"] = [WebhookSignature.Header([secret], Id, Now.ToUnixTimeSeconds(), Body)],
        };
        Assert.DoesNotThrow(() => Verifier().Verify(Body, headers));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
