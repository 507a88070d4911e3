using System.Runtime.InteropServices;
using System.Text.Json;
using Accountability.Api.Persistence;
using Accountability.Domain.Parties;

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
    /// <summary>Where a page ended, from the stored JSON of its last row.</summary>
    public static PageCursor CursorAfter(ReadOnlyMemory<byte> row)
    {
        using var stored = JsonDocument.Parse(row);
        var complaint = stored.RootElement.GetProperty(Names.Complaint.EncodedUtf8Bytes);
        return new PageCursor(complaint.GetProperty(Names.FiledAt.EncodedUtf8Bytes).GetDateTimeOffset(), complaint.GetProperty(Names.Id.EncodedUtf8Bytes).GetGuid());
    }

    public static async Task WriteAsync(HttpResponse response, ListRows rows, string? next, PartyDirectory parties, DateTimeOffset now,
        JsonSerializerOptions options, CancellationToken ct)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented });
        json.WriteStartObject();
        json.WriteStartArray(Names.Items);
        var found = StoredComplaint.Scratch();
        for (var i = 0; i < rows.Count; i++)
        {
            using var stored = JsonDocument.Parse(rows[i]);
            WriteItem(json, stored.RootElement, found, parties, now);
        }
        json.WriteEndArray();
        json.WriteString(Names.NextCursor, next);
        json.WriteEndObject();
        await json.FlushAsync(ct);
        await response.BodyWriter.FlushAsync(ct);
    }

    /// <summary>One item, its properties in <see cref="ComplaintView"/>'s order.</summary>
    private static void WriteItem(Utf8JsonWriter json, JsonElement stored, JsonElement[] found, PartyDirectory parties, DateTimeOffset now)
    {
        var complaint = new StoredComplaint(stored.GetProperty(Names.Complaint.EncodedUtf8Bytes), found);
        var holder = complaint[Names.Holder].GetString()!;
        var escalation = complaint[Names.Escalation];

        json.WriteStartObject();
        Copy(json, complaint, Names.Id, Names.Status);
        WriteParty(json, Names.Holder, holder, parties);
        WriteParty(json, Names.Vendor, complaint[Names.VendorId].GetString()!, parties);
        Copy(json, complaint, Names.Product, Names.Category, Names.CustomerReference, Names.Channel, Names.Severity, Names.Description,
            Names.HandoffCount, Names.ReopenCount);
        WriteTimeHeld(json, ComplaintView.TimeHeldOf(StoredClocks.HolderClockOf(complaint[Names.Clock]).TimeHeld(now), parties));
        Copy(json, complaint, Names.FiledAt, Names.LastChangedAt, Names.ResolvedAt, Names.ClosedAt);
        // As Complaint.AccountableParty: the holder, or the store once escalated.
        WriteParty(json, Names.Accountable, escalation.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? holder : Party.StoreId, parties);
        // The escalation and the claim hold only strings, a moment and an amount, each written as the API writes it; their
        // properties in their records' order (a row once stored as jsonb has them in jsonb's).
        CopyObject(json, Names.Escalation, escalation, Names.Rule, Names.Reason, Names.At);
        Copy(json, complaint, Names.FlaggedRules, Names.Version);
        CopyObject(json, Names.Claim, complaint[Names.Claim], Names.Amount, Names.Currency);
        WriteClocks(json, ClockView.Of(StoredClocks.RunningClocksOf(stored.GetProperty(Names.Clocks.EncodedUtf8Bytes)), parties, now));
        json.WriteEndObject();
    }

    /// <summary><see cref="TimeHeld"/> items, as the API's serializer writes them.</summary>
    private static void WriteTimeHeld(Utf8JsonWriter json, IReadOnlyList<TimeHeld> timeHeld)
    {
        json.WriteStartArray(Names.TimeHeld);
        foreach (var held in timeHeld)
        {
            json.WriteStartObject();
            json.WriteString(Names.Party, held.Party);
            json.WriteString(Names.DisplayName, held.DisplayName);
            json.WriteNumber(Names.Seconds, held.Seconds);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary><see cref="ClockView"/> items, as the API's serializer writes them (enums by name).</summary>
    private static void WriteClocks(Utf8JsonWriter json, IReadOnlyList<ClockView> clocks)
    {
        json.WriteStartArray(Names.Clocks);
        foreach (var clock in clocks)
        {
            json.WriteStartObject();
            json.WriteString(Names.Kind, clock.Kind.ToString());
            WriteParty(json, Names.MustAct, clock.MustAct.Id, clock.MustAct.DisplayName);
            json.WriteString(Names.DueAt, clock.DueAt);
            json.WriteNumber(Names.SecondsLeft, clock.SecondsLeft);
            json.WriteBoolean(Names.Paused, clock.Paused);
            json.WriteBoolean(Names.Overdue, clock.Overdue);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>Values the view shows as the complaint stores them; a string is written again, escaped as the API escapes.</summary>
    private static void Copy(Utf8JsonWriter json, JsonElement from, params ReadOnlySpan<JsonEncodedText> properties)
    {
        foreach (var property in properties)
        {
            json.WritePropertyName(property);
            from.GetProperty(property.EncodedUtf8Bytes).WriteTo(json);
        }
    }

    private static void Copy(Utf8JsonWriter json, StoredComplaint from, params ReadOnlySpan<JsonEncodedText> properties)
    {
        foreach (var property in properties)
        {
            json.WritePropertyName(property);
            from[property].WriteTo(json);
        }
    }

    /// <summary>An object's properties in the order given, or null (for an absent value too).</summary>
    private static void CopyObject(Utf8JsonWriter json, JsonEncodedText property, JsonElement value, params ReadOnlySpan<JsonEncodedText> properties)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            json.WriteNull(property);
            return;
        }
        json.WriteStartObject(property);
        Copy(json, value, properties);
        json.WriteEndObject();
    }

    private static void WriteParty(Utf8JsonWriter json, JsonEncodedText property, string id, PartyDirectory parties) =>
        WriteParty(json, property, id, parties.NameOf(id));

    private static void WriteParty(Utf8JsonWriter json, JsonEncodedText property, string id, string displayName)
    {
        json.WriteStartObject(property);
        json.WriteString(Names.Id, id);
        json.WriteString(Names.DisplayName, displayName);
        json.WriteEndObject();
    }

    /// <summary>
    /// The stored complaint's properties an item shows, found in one pass over them: a lookup by name searches the whole
    /// complaint (about forty properties), and an item made twenty of them.
    /// </summary>
    private readonly struct StoredComplaint
    {
        private static readonly JsonEncodedText[] Shown = [Names.Id, Names.Status, Names.Holder, Names.VendorId, Names.Product, Names.Category,
            Names.CustomerReference, Names.Channel, Names.Severity, Names.Description, Names.HandoffCount, Names.ReopenCount, Names.Clock,
            Names.FiledAt, Names.LastChangedAt, Names.ResolvedAt, Names.ClosedAt, Names.Escalation, Names.FlaggedRules, Names.Version, Names.Claim];

        /// <summary>For each length of a name in bytes, the shown properties whose names have it.</summary>
        private static readonly int[][] ByLength = [.. Enumerable.Range(0, Shown.Max(n => n.EncodedUtf8Bytes.Length) + 1)
            .Select(length => Enumerable.Range(0, Shown.Length).Where(i => Shown[i].EncodedUtf8Bytes.Length == length).ToArray())];

        private readonly JsonElement[] found;

        /// <summary>Room for one item's values, used again for each item of a page.</summary>
        public static JsonElement[] Scratch() => new JsonElement[Shown.Length];

        public StoredComplaint(JsonElement complaint, JsonElement[] found)
        {
            this.found = found;
            Array.Clear(found);
            foreach (var property in complaint.EnumerateObject())
                if (IndexOf(JsonMarshal.GetRawUtf8PropertyName(property)) is >= 0 and var i)
                    found[i] = property.Value;
        }

        /// <summary>The value of one of the shown properties; <see cref="JsonValueKind.Undefined"/> where the complaint has none.</summary>
        public JsonElement this[JsonEncodedText name] => found[IndexOf(name.EncodedUtf8Bytes)];

        private static int IndexOf(ReadOnlySpan<byte> name)
        {
            if (name.Length < ByLength.Length)
                foreach (var i in ByLength[name.Length])
                    if (name.SequenceEqual(Shown[i].EncodedUtf8Bytes))
                        return i;
            return -1;
        }
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
            Version = Of(nameof(ComplaintView.Version)), Claim = Of(nameof(ComplaintView.Claim)), DisplayName = Of(nameof(PartyRef.DisplayName)),
            Party = Of(nameof(Features.Complaints.TimeHeld.Party)), Seconds = Of(nameof(Features.Complaints.TimeHeld.Seconds)), Kind = Of(nameof(ClockView.Kind)),
            MustAct = Of(nameof(ClockView.MustAct)), DueAt = Of(nameof(ClockView.DueAt)), SecondsLeft = Of(nameof(ClockView.SecondsLeft)),
            Paused = Of(nameof(ClockView.Paused)), Overdue = Of(nameof(ClockView.Overdue)), Rule = Of(nameof(Domain.Rules.Escalation.Rule)),
            Reason = Of(nameof(Domain.Rules.Escalation.Reason)), At = Of(nameof(Domain.Rules.Escalation.At)), Amount = Of(nameof(Domain.Liability.Money.Amount)), Currency = Of(nameof(Domain.Liability.Money.Currency));

        private static JsonEncodedText Of(string property) => JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(property));
    }
}
