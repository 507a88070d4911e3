using Accountability.Api.Features.SetAside;
using Accountability.Domain.Complaints;
using JasperFx.Events;

namespace Accountability.Api.Tests.Infrastructure;

/// <summary>
/// Makes every projection and subscription of the node it is registered on fail on the filing of complaints with a
/// customer reference the test poisoned, until the test lifts it: the ledger's events themselves cannot be edited.
/// </summary>
public sealed class PoisonSwitch : ProcessingFaults
{
    private volatile string? poisoned;

    public static string NewReference() => $"poison-{Guid.NewGuid():N}"[..20];

    public void Poison(string customerReference) => poisoned = customerReference;

    public void Lift() => poisoned = null;

    public override void BeforeProcessing(string processor, IEvent e)
    {
        if (e.Data is ComplaintFiled filed && filed.CustomerReference == poisoned)
            throw new InvalidOperationException($"{processor} poisoned by the test on complaint {filed.ComplaintId}.");
    }
}
