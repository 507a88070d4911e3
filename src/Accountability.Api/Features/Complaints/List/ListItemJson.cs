using System.Text.Json;
using System.Text.Json.Serialization;
using Accountability.Api.Persistence;
using Accountability.Domain.Clocks;
using Accountability.Domain.Liability;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;

namespace Accountability.Api.Features.Complaints.List;

/// <summary>
/// Writes the list's answer (<see cref="Response"/>: items as <see cref="ComplaintView"/> with clocks and without flags)
/// straight from the rows' stored JSON (<see cref="ComplaintListItem"/>), value by value, instead of reading each row into
/// a complaint and writing its view (decision 0040). What depends on the moment of the request (time held, the clocks)
/// or on the tenant's parties (names) is worked out by the same code as a complaint's own answer; the rest is copied.
/// <c>ListItemJsonTests</c> holds each item to the complaint's own answer.
/// </summary>
public static class ListItemJson
{
    /// <summary>How the rows' JSON is written (Marten's serializer: camel case, enums by name).</summary>
    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Where a page ended, from the stored JSON of its last row.</summary>
    public static PageCursor CursorAfter(string row)
    {
        using var stored = JsonDocument.Parse(row);
        var complaint = stored.RootElement.GetProperty(Names.Complaint.EncodedUtf8Bytes);
        return new PageCursor(complaint.GetProperty(Names.FiledAt.EncodedUtf8Bytes).GetDateTimeOffset(), complaint.GetProperty(Names.Id.EncodedUtf8Bytes).GetGuid());
    }

    public static async Task WriteAsync(HttpResponse response, IReadOnlyList<string> rows, string? next, PartyDirectory parties, DateTimeOffset now,
        JsonSerializerOptions options, CancellationToken ct)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented });
        json.WriteStartObject();
        json.WriteStartArray(Names.Items);
        foreach (var row in rows)
        {
            using var stored = JsonDocument.Parse(row);
            WriteItem(json, stored.RootElement, parties, now, options);
        }
        json.WriteEndArray();
        json.WriteString(Names.NextCursor, next);
        json.WriteEndObject();
        await json.FlushAsync(ct);
        await response.BodyWriter.FlushAsync(ct);
    }

    /// <summary>One item, its properties in <see cref="ComplaintView"/>'s order.</summary>
    private static void WriteItem(Utf8JsonWriter json, JsonElement stored, PartyDirectory parties, DateTimeOffset now, JsonSerializerOptions options)
    {
        var complaint = stored.GetProperty(Names.Complaint.EncodedUtf8Bytes);
        var holder = complaint.GetProperty(Names.Holder.EncodedUtf8Bytes).GetString()!;
        var escalation = complaint.GetProperty(Names.Escalation.EncodedUtf8Bytes).Deserialize<Escalation>(Stored);
        var clock = complaint.GetProperty(Names.Clock.EncodedUtf8Bytes).Deserialize<HolderClock>(Stored)!;
        var clocks = stored.GetProperty(Names.Clocks.EncodedUtf8Bytes).Deserialize<RunningClock[]>(Stored)!;

        json.WriteStartObject();
        Copy(json, complaint, Names.Id, Names.Status);
        WriteParty(json, Names.Holder, holder, parties);
        WriteParty(json, Names.Vendor, complaint.GetProperty(Names.VendorId.EncodedUtf8Bytes).GetString()!, parties);
        Copy(json, complaint, Names.Product, Names.Category, Names.CustomerReference, Names.Channel, Names.Severity, Names.Description,
            Names.HandoffCount, Names.ReopenCount);
        json.WritePropertyName(Names.TimeHeld);
        JsonSerializer.Serialize(json, ComplaintView.TimeHeldOf(clock.TimeHeld(now), parties), options);
        Copy(json, complaint, Names.FiledAt, Names.LastChangedAt, Names.ResolvedAt, Names.ClosedAt);
        // As Complaint.AccountableParty: the holder, or the store once escalated.
        WriteParty(json, Names.Accountable, escalation is null ? holder : Party.StoreId, parties);
        json.WritePropertyName(Names.Escalation);
        JsonSerializer.Serialize(json, escalation, options);
        Copy(json, complaint, Names.FlaggedRules, Names.Version);
        json.WritePropertyName(Names.Claim);
        JsonSerializer.Serialize(json, complaint.TryGetProperty(Names.Claim.EncodedUtf8Bytes, out var claim) ? claim.Deserialize<Money>(Stored) : null, options);
        json.WritePropertyName(Names.Clocks);
        JsonSerializer.Serialize(json, ClockView.Of(clocks, parties, now), options);
        json.WriteEndObject();
    }

    /// <summary>Values the view shows as the complaint stores them; a string is written again, escaped as the API escapes.</summary>
    private static void Copy(Utf8JsonWriter json, JsonElement complaint, params ReadOnlySpan<JsonEncodedText> properties)
    {
        foreach (var property in properties)
        {
            json.WritePropertyName(property);
            complaint.GetProperty(property.EncodedUtf8Bytes).WriteTo(json);
        }
    }

    private static void WriteParty(Utf8JsonWriter json, JsonEncodedText property, string id, PartyDirectory parties)
    {
        json.WriteStartObject(property);
        json.WriteString(Names.Id, id);
        json.WriteString(Names.DisplayName, parties.NameOf(id));
        json.WriteEndObject();
    }

    /// <summary>
    /// Property names, camel case both in the rows (Marten's <c>Casing.CamelCase</c>) and in the answer (the API's JSON).
    /// </summary>
    private static class Names
    {
        public static readonly JsonEncodedText Items = Of(nameof(Response.Items)), NextCursor = Of(nameof(Response.NextCursor)),
            Complaint = Of(nameof(ComplaintListItem.Complaint)), Clocks = Of(nameof(ComplaintListItem.Clocks)),
            Clock = Of(nameof(Domain.Complaints.Complaint.Clock)), VendorId = Of(nameof(Domain.Complaints.Complaint.VendorId)),
            Id = Of(nameof(ComplaintView.Id)), Status = Of(nameof(ComplaintView.Status)), Holder = Of(nameof(ComplaintView.Holder)),
            Vendor = Of(nameof(ComplaintView.Vendor)), Product = Of(nameof(ComplaintView.Product)), Category = Of(nameof(ComplaintView.Category)),
            CustomerReference = Of(nameof(ComplaintView.CustomerReference)), Channel = Of(nameof(ComplaintView.Channel)),
            Severity = Of(nameof(ComplaintView.Severity)), Description = Of(nameof(ComplaintView.Description)),
            HandoffCount = Of(nameof(ComplaintView.HandoffCount)), ReopenCount = Of(nameof(ComplaintView.ReopenCount)),
            TimeHeld = Of(nameof(ComplaintView.TimeHeld)), FiledAt = Of(nameof(ComplaintView.FiledAt)),
            LastChangedAt = Of(nameof(ComplaintView.LastChangedAt)), ResolvedAt = Of(nameof(ComplaintView.ResolvedAt)),
            ClosedAt = Of(nameof(ComplaintView.ClosedAt)), Accountable = Of(nameof(ComplaintView.Accountable)),
            Escalation = Of(nameof(ComplaintView.Escalation)), FlaggedRules = Of(nameof(ComplaintView.FlaggedRules)),
            Version = Of(nameof(ComplaintView.Version)), Claim = Of(nameof(ComplaintView.Claim)), DisplayName = Of(nameof(PartyRef.DisplayName));

        private static JsonEncodedText Of(string property) => JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(property));
    }
}
