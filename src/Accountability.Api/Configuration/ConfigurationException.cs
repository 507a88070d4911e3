namespace Accountability.Api.Configuration;

/// <summary>
/// Something the operator must fix before the service can start (a missing or invalid setting, a database it cannot
/// reach): reported as one line on stderr with a non-zero exit, never as a stack trace.
/// </summary>
public sealed class ConfigurationException(string message) : InvalidOperationException(message);
