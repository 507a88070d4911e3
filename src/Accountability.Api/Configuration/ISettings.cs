namespace Accountability.Api.Configuration;

/// <summary>Options bound from the settings section that can say what is wrong with them, each problem naming its setting.</summary>
public interface ISettings
{
    IEnumerable<string> Problems();
}
