using JasperFx.Events;

namespace Accountability.Api.Features.SetAside;

/// <summary>
/// Where a test makes background work fail on an event of its choosing, since the ledger's events cannot be edited into
/// poison. The service registers this one, which never fails; no setting replaces it.
/// </summary>
public class ProcessingFaults
{
    public virtual void BeforeProcessing(string processor, IEvent e)
    {
    }
}
