using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Accountability.Domain.Clocks;
using Accountability.Domain.Rules;

namespace Accountability.Api.Features.Complaints.List;

/// <summary>
/// Reads a row's clocks (<see cref="HolderClock"/>, <see cref="RunningClock"/>) from its stored JSON, as Marten's serializer
/// writes them (camel case, enums by name, time spans in the constant "c" format), property by property: the serializer's
/// path for records read through their constructors was the largest cost of a list item (decision 0047).
/// </summary>
public static class StoredClocks
{
    public static HolderClock HolderClockOf(JsonElement clock) => new(
        clock.GetProperty("holder"u8).GetString()!,
        Enum.Parse<ClockState>(clock.GetProperty("state"u8).GetString()!),
        clock.GetProperty("holdStartVersion"u8).GetInt64(),
        clock.GetProperty("holdStart"u8).GetDateTimeOffset(),
        TimeSpanOf(clock.GetProperty("runInHold"u8)),
        clock.GetProperty("since"u8).GetDateTimeOffset(),
        TimeHeldOf(clock.GetProperty("timeHeldBefore"u8)));

    public static RunningClock[] RunningClocksOf(JsonElement clocks)
    {
        var read = new RunningClock[clocks.GetArrayLength()];
        var i = 0;
        foreach (var clock in clocks.EnumerateArray())
        {
            var left = clock.GetProperty("leftWhilePaused"u8);
            read[i++] = new RunningClock(
                Enum.Parse<DeadlineKind>(clock.GetProperty("kind"u8).GetString()!),
                clock.GetProperty("holder"u8).GetString()!,
                clock.GetProperty("dueAt"u8).GetDateTimeOffset(),
                left.ValueKind == JsonValueKind.Null ? null : TimeSpanOf(left));
        }
        return read;
    }

    private static ImmutableDictionary<string, TimeSpan> TimeHeldOf(JsonElement held)
    {
        var read = ImmutableDictionary.CreateBuilder<string, TimeSpan>();
        foreach (var party in held.EnumerateObject())
            read.Add(party.Name, TimeSpanOf(party.Value));
        return read.ToImmutable();
    }

    private static TimeSpan TimeSpanOf(JsonElement value) => TimeSpan.ParseExact(value.GetString()!, "c", CultureInfo.InvariantCulture);
}
