using Accountability.Api.Http;
using Accountability.Api.Commands;
using Accountability.Api.Features.Complaints.Writing;
using Accountability.Domain.Decisions;
using Marten;

namespace Accountability.Api.Features.Complaints;

/// <summary>Any command on a complaint, filing included: <see cref="ComplaintStreamWriter"/> decides it and appends.</summary>
public sealed record ActOnComplaint(Guid ComplaintId, Actor Actor, long? ExpectedVersion, Idempotency? Idempotency, IComplaintCommand Command)
    : ICommand<ComplaintView>;

public sealed class ActOnComplaintHandler(IDocumentSession session, ComplaintStreamWriter writer) : ICommandHandler<ActOnComplaint, ComplaintView>
{
    public async Task<Replayable<ComplaintView>> Handle(ActOnComplaint command, CancellationToken cancellationToken)
    {
        var write = new ComplaintWrite(command.ComplaintId, command.Actor, command.ExpectedVersion, command.Command);
        var written = await writer.WriteAsync(session, write, cancellationToken) ?? throw ComplaintAccess.NotFound(command.ComplaintId);
        return ComplaintView.From(written.After, written.Context.Parties, written.Now).SeenBy(command.Actor);
    }
}
