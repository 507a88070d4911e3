using System.Text.Json;
using Accountability.Api.Features.Imports;
using Accountability.Api.Tests.Infrastructure;
using ListResponse = Accountability.Api.Features.Complaints.List.Response;

namespace Accountability.Api.Tests.Imports;

/// <summary>The mapping says whether the person on a handoff row handed the case off or received it; the note says which.</summary>
[Category("api")]
public sealed class PersonTests
{
    private const string Log = "ticket,when,team,who\nT-1,2026-01-05 09:00,Acme Apps,Ann\nT-1,2026-01-05 10:00,Photon Devices,Ann\n";

    [TestCase("sender", "Handed off by Ann.")]
    [TestCase("receiver", "Assigned to Ann.")]
    public async Task The_handoff_note_names_the_person_as_the_mapping_says(string personIs, string note)
    {
        var market = await Marketplace.CreateAsync();
        var mapping = new { caseId = "ticket", timestamp = "when", timestampFormat = "yyyy-MM-dd HH:mm", party = "team", person = "who", personIs };
        await market.Operator.PostJsonAsync<ImportReport>("/api/imports", new { source = "log", mapping, csv = Log });

        var complaint = (await market.Operator.GetJsonAsync<ListResponse>("/api/complaints")).Items.Single();
        var handoff = (await market.TimelineAsync(complaint.Id)).Single(e => e.Type == "complaint_handed_off");
        Assert.That(((JsonElement)handoff.Data).GetProperty("note").GetString(), Is.EqualTo(note));
    }
}
