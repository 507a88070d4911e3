using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Customers;

/// <summary>Whether the customer may ask the store to step in, and if not, why not.</summary>
public enum StepInStanding
{
    /// <summary>The complaint was flagged in this episode (it bounced, or a deadline passed), and the customer has not asked yet.</summary>
    Open,
    /// <summary>Nothing went wrong yet in this episode: no flag stands.</summary>
    NoGrounds,
    /// <summary>The customer asked already in this episode.</summary>
    AlreadyAsked,
    /// <summary>The store holds the complaint itself.</summary>
    StoreHolds,
    /// <summary>Resolved, closed or withdrawn: the episode is over.</summary>
    Finished,
}

/// <summary>
/// When the customer may ask the store to take their complaint over (as eBay's "ask us to step in"): once per episode
/// (filing or a reopening to the next resolution or closing), once a flag stands in it, and while another party holds it.
/// The status page offers the form and the decision accepts the request on this one reading.
/// </summary>
public static class StepIn
{
    public static StepInStanding Standing(ComplaintStatus status, string holder, bool flaggedInEpisode, bool askedInEpisode) =>
        status is ComplaintStatus.Resolved or ComplaintStatus.Closed or ComplaintStatus.Cancelled ? StepInStanding.Finished
        : askedInEpisode ? StepInStanding.AlreadyAsked
        : holder == Party.StoreId ? StepInStanding.StoreHolds
        : flaggedInEpisode ? StepInStanding.Open
        : StepInStanding.NoGrounds;
}
