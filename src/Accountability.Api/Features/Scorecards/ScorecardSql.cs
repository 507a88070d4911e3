using Npgsql;
using NpgsqlTypes;

namespace Accountability.Api.Features.Scorecards;

/// <summary>A command's SQL and its numbered parameters, built together so each value is named where it is used.</summary>
public sealed class ScorecardSql(NpgsqlDataSource database)
{
    private readonly List<NpgsqlParameter> parameters = [];

    public string Value(object value, NpgsqlDbType type)
    {
        parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
        return $"${parameters.Count}";
    }

    public string Text(string value) => Value(value, NpgsqlDbType.Text);

    public string Time(DateTimeOffset value) => Value(value, NpgsqlDbType.TimestampTz);

    public NpgsqlCommand Command(string sql)
    {
        var command = database.CreateCommand(sql);
        command.Parameters.AddRange(parameters.ToArray());
        return command;
    }
}
