namespace Accountability.Domain.Complaints;

/// <summary>An event appended to a complaint and the complaint as that event leaves it.</summary>
public sealed record ComplaintStep(IComplaintEvent Event, Complaint After);
