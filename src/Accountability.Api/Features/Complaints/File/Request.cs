using Accountability.Api.Features.Parties;
using Accountability.Domain.Complaints;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.File;

/// <param name="CustomerReference">The store's own reference for the customer (never personal data).</param>
/// <param name="Product">The product or listing the complaint is about.</param>
/// <param name="VendorId">The vendor that makes the product.</param>
/// <param name="Severity">How urgent it is (default Medium): it sets the holders' deadlines.</param>
public sealed record Request(
    string CustomerReference,
    string Product,
    string VendorId,
    string Category,
    string Description,
    Channel? Channel,
    Domain.Rules.Severity? Severity = null)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.CustomerReference).NotEmpty().MaximumLength(200);
            RuleFor(r => r.Product).NotEmpty().MaximumLength(200);
            RuleFor(r => r.VendorId).PartyId();
            RuleFor(r => r.Category).NotEmpty().MaximumLength(100);
            RuleFor(r => r.Description).NotEmpty().MaximumLength(8000);
            RuleFor(r => r.Channel).NotNull().IsInEnum();
            RuleFor(r => r.Severity).IsInEnum();
        }
    }
}
