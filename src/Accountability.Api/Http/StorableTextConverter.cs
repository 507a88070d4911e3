using System.Text.Json;
using System.Text.Json.Serialization;
using Accountability.Domain.Text;

namespace Accountability.Api.Http;

/// <summary>
/// Reads every JSON string of every request body, at any depth, through <see cref="StorableText"/>: text the store
/// cannot keep fails binding, and the failure names the field by its JSON path.
/// </summary>
public sealed class StorableTextConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Storable(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Storable(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string? Storable(string? text) =>
        text is null || StorableText.IsStorable(text) ? text : throw new JsonException(StorableText.Rule);
}
