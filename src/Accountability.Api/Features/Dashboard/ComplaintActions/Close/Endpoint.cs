using Accountability.Domain.Decisions;
using FluentValidation;

namespace Accountability.Api.Features.Dashboard.ComplaintActions.Close;

/// <summary>Closing takes no fields, as the API's closure takes no body.</summary>
public sealed class Endpoint : ComplaintFormEndpoint<NoFields, InlineValidator<NoFields>>
{
    protected override string Action => ActionRoutes.Close;

    protected override string Purpose => "The operator closes a resolved complaint.";

    protected override NoFields Read(ActionForm form) => new();

    protected override IComplaintCommand Command(NoFields request) => new CloseComplaint();
}

public sealed record NoFields;
