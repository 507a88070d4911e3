using Accountability.Domain.Complaints;
using Accountability.Domain.Rules;
using Marten;
using Marten.Services;

namespace Accountability.Api.Telemetry;

/// <summary>Counts what every commit appended, whichever path wrote it, and only once it is committed.</summary>
public sealed class CommittedEvents : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var origin = new KeyValuePair<string, object?>("origin", session.CorrelationId?.Split(':')[0] switch
        {
            "import" => "import",
            "deadline" => "scheduler",
            _ => "api",
        });
        foreach (var e in commit.GetEvents())
        {
            switch (e.Data)
            {
                case ComplaintFiled:
                    ProductMetrics.ComplaintsFiled.Add(1, origin);
                    break;
                case ComplaintHandedOff:
                    ProductMetrics.Handoffs.Add(1, origin);
                    break;
                case FlagRaised flag:
                    ProductMetrics.FlagsRaised.Add(1, origin, new KeyValuePair<string, object?>("rule", flag.Rule));
                    break;
            }
        }
        return Task.CompletedTask;
    }
}
