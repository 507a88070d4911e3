using System.Net;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Dashboard;

/// <summary>
/// The complaint page's action forms: only what the complaint allows now is offered, each form issues the API's own
/// command (same validation, same events, same problems), and a refused form changes nothing and says why.
/// </summary>
[Category("api")]
public sealed class ActionFormTests
{
    private static readonly string[] Actions = ["assign", "take-over", "request-information", "propose-fix", "resolve", "close", "reopen"];

    [Test]
    public async Task Only_the_actions_the_complaint_allows_now_are_offered()
    {
        var market = await Marketplace.CreateAsync();
        var held = await market.FileHeldByAsync("acme");
        var path = $"/api/complaints/{held.Id}";
        using var visitor = await SignedInAsync(market);

        Assert.That(await OfferedAsync(visitor, held.Id), Is.EqualTo(new[] { "assign", "take-over" }), "a vendor holds it: the operator can only move it");
        await market.Operator.PostJsonAsync<ComplaintView>($"{path}/assignment", new { to = "store" });
        Assert.That(await OfferedAsync(visitor, held.Id), Is.EqualTo(new[] { "assign", "request-information", "propose-fix", "resolve" }), "the store holds it");
        await market.Operator.PostJsonAsync<ComplaintView>($"{path}/resolution", new { rootCause = "ProductDefect", liableParty = "acme", remedy = "Patch 1.2" });
        Assert.That(await OfferedAsync(visitor, held.Id), Is.EqualTo(new[] { "close", "reopen" }), "resolved");
        await market.Operator.PostJsonAsync<ComplaintView>($"{path}/closure", null);
        Assert.That(await OfferedAsync(visitor, held.Id), Is.EqualTo(new[] { "reopen" }), "closed");
    }

    [Test]
    public async Task Each_form_issues_the_APIs_command_and_the_timeline_shows_what_it_did()
    {
        var market = await Marketplace.CreateAsync();
        var held = await market.FileHeldByAsync("acme");
        using var visitor = await SignedInAsync(market);

        await DoneAsync(visitor, held.Id, "assign", new() { ["to"] = "photon", ["reason"] = "NeedsSpecialist", ["note"] = "Camera driver" });
        await DoneAsync(visitor, held.Id, "take-over", new() { ["reason"] = "Escalation", ["note"] = "" });
        await DoneAsync(visitor, held.Id, "request-information", new() { ["question"] = "Which firmware?" });
        await DoneAsync(visitor, held.Id, "propose-fix", new() { ["summary"] = "Update to 2.1.5" });
        await DoneAsync(visitor, held.Id, "resolve", new() { ["rootCause"] = "ProductDefect", ["liableParty"] = "photon", ["remedy"] = "Firmware 2.1.5" });
        await DoneAsync(visitor, held.Id, "close", []);
        await DoneAsync(visitor, held.Id, "reopen", new() { ["reason"] = "Still crashes" });

        // The rules' own events (flags, escalations) are theirs, not the forms'.
        var acted = (await market.TimelineAsync(held.Id)).Skip(2).Where(e => e.By != "rules").ToList();
        Assert.That(acted.Select(e => e.Type), Is.EqualTo(new[]
        {
            "complaint_assigned", "complaint_assigned", "information_requested", "resolution_proposed", "complaint_resolved", "complaint_closed", "complaint_reopened",
        }));
        Assert.That(acted.Select(e => e.By), Has.All.EqualTo("store"));
        Assert.That(acted.Select(e => e.ApiKeyId), Has.All.Not.Null, "the key the session was opened with");
        var assigned = System.Text.Json.JsonSerializer.SerializeToElement(acted[0].Data);
        Assert.That((assigned.GetProperty("to").GetString(), assigned.GetProperty("reason").GetString(), assigned.GetProperty("note").GetString()),
            Is.EqualTo(("photon", "NeedsSpecialist", "Camera driver")));
        var takenOver = System.Text.Json.JsonSerializer.SerializeToElement(acted[1].Data);
        Assert.That((takenOver.GetProperty("to").GetString(), takenOver.GetProperty("reason").GetString()), Is.EqualTo(("store", "Escalation")));
        Assert.That(takenOver.GetProperty("note").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null), "an empty note is no note");
        var page = await visitor.ReadAsync($"/dashboard/complaints/{held.Id}?done=reopen");
        Assert.That(page, Does.Contain("role=\"status\">Done: the complaint is open again.</p>"));
        Assert.That(page, Does.Contain("gave it to Photon Devices (reason: Needs a specialist): “Camera driver”"));
    }

    [TestCase(false, "assign", "reason", "Bogus")]
    [TestCase(false, "assign", "note", "2001")]
    [TestCase(false, "assign", "to", "")]
    [TestCase(false, "take-over", "reason", "7")]
    [TestCase(true, "request-information", "question", "")]
    [TestCase(true, "propose-fix", "summary", "2001")]
    [TestCase(true, "resolve", "rootCause", "Gremlins")]
    [TestCase(true, "resolve", "liableParty", "Not A Party")]
    public async Task A_form_with_one_bad_field_is_refused_naming_it_and_changes_nothing(bool storeHolds, string action, string field, string value)
    {
        var market = await Marketplace.CreateAsync();
        var complaint = storeHolds ? await market.FileAsync() : await market.FileHeldByAsync("acme");
        var fields = ValidFields(action);
        fields[field] = value == "2001" ? new string('x', 2001) : value;
        using var visitor = await SignedInAsync(market);
        var before = (await market.TimelineAsync(complaint.Id)).Count;

        using var program = await visitor.ActAsync(complaint.Id, action, fields, accept: "application/json");
        var problem = await program.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors?.Keys, Is.EquivalentTo(new[] { field }), problem.Detail);
        using var person = await visitor.ActAsync(complaint.Id, action, fields);
        var page = await person.Content.ReadAsStringAsync();
        Assert.That(person.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(page, Does.Contain("<div class=\"error\" role=\"alert\">").And.Contain(WebUtility.HtmlEncode(problem.Errors![field].Single()).Replace("&#39;", "&#x27;")));
        if (value == "2001")
            Assert.That(page, Does.Contain($">{new string('x', 2001)}</textarea>"), "what was typed comes back in its form");
        Assert.That((await market.TimelineAsync(complaint.Id)).Count, Is.EqualTo(before));
    }

    [Test]
    public async Task A_form_the_domain_refuses_gets_the_APIs_own_problem_and_the_page_shows_its_words()
    {
        var market = await Marketplace.CreateAsync();
        var held = await market.FileHeldByAsync("acme");
        using var visitor = await SignedInAsync(market);

        using var api = await market.Operator.PostAsync($"/api/complaints/{held.Id}/assignment", new { to = "acme" });
        var fromApi = await api.ShouldBeProblemAsync(422, "handoff-to-self");
        using var program = await visitor.ActAsync(held.Id, "assign", new() { ["to"] = "acme" }, accept: "application/json");
        var fromForm = await program.ShouldBeProblemAsync(422, "handoff-to-self");
        Assert.That(fromForm.Detail, Is.EqualTo(fromApi.Detail));
        using var person = await visitor.ActAsync(held.Id, "assign", new() { ["to"] = "acme" });
        Assert.That(person.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await person.Content.ReadAsStringAsync(), Does.Contain("Acme Apps already holds this complaint."));
        Assert.That(await market.TimelineAsync(held.Id), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_form_sent_after_someone_else_acted_changes_nothing_and_the_page_shows_the_complaint_as_it_is_now()
    {
        var market = await Marketplace.CreateAsync();
        var held = await market.FileHeldByAsync("acme");
        using var visitor = await SignedInAsync(market);
        var opened = await visitor.ReadAsync($"/dashboard/complaints/{held.Id}");
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/assignment", new { to = "photon" });

        using var program = await visitor.ActAsync(held.Id, "take-over", [], accept: "application/json", page: opened);
        var problem = await program.ShouldBeProblemAsync(412, "precondition-failed");
        Assert.That(problem.Errors?.Keys, Is.EquivalentTo(new[] { "version" }));
        using var person = await visitor.ActAsync(held.Id, "take-over", [], page: opened);
        var page = await person.Content.ReadAsStringAsync();
        Assert.That(person.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That(page, Does.Contain("Someone acted on this complaint after this page was shown, so nothing was done."));
        Assert.That(page, Does.Contain("<dt>Holder</dt><dd>Photon Devices</dd>"), "the page as it stands now");
        Assert.That((await market.TimelineAsync(held.Id)).Where(e => e.By != "rules").Select(e => e.Type),
            Is.EqualTo(new[] { "complaint_filed", "complaint_handed_off", "complaint_assigned" }), "only the API's assignment");
    }

    [Test]
    public async Task The_same_form_sent_twice_is_one_assignment()
    {
        var market = await Marketplace.CreateAsync();
        var held = await market.FileHeldByAsync("acme");
        using var visitor = await SignedInAsync(market);
        var opened = await visitor.ReadAsync($"/dashboard/complaints/{held.Id}");
        var fields = new Dictionary<string, string> { ["to"] = "photon", ["reason"] = "Workload" };

        using var first = await visitor.ActAsync(held.Id, "assign", fields, page: opened);
        using var second = await visitor.ActAsync(held.Id, "assign", fields, page: opened);

        Assert.That((first.StatusCode, second.StatusCode), Is.EqualTo((HttpStatusCode.SeeOther, HttpStatusCode.SeeOther)));
        Assert.That((await market.TimelineAsync(held.Id)).Count(e => e.Type == "complaint_assigned"), Is.EqualTo(1));
    }

    [Test]
    public async Task Another_marketplaces_complaint_cannot_be_acted_on_and_is_the_same_404()
    {
        var mine = await Marketplace.CreateAsync();
        var theirs = await Marketplace.CreateAsync();
        var their = await theirs.FileHeldByAsync("acme");
        using var visitor = await SignedInAsync(mine);
        var seal = DashboardVisitor.SealOf(await visitor.ReadAsync("/dashboard"));

        using var person = await visitor.PostAsync($"/dashboard/complaints/{their.Id}/take-over", seal, new() { ["version"] = "2" });
        Assert.That(person.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await person.Content.ReadAsStringAsync(), Does.Contain("No such complaint"));
        using var program = await visitor.PostAsync($"/dashboard/complaints/{their.Id}/take-over", seal, new() { ["version"] = "2" }, accept: "application/json");
        await program.ShouldBeProblemAsync(404, "not-found");
        Assert.That(await theirs.TimelineAsync(their.Id), Has.Count.EqualTo(2));
    }

    private static Dictionary<string, string> ValidFields(string action) => action switch
    {
        "assign" => new() { ["to"] = "photon", ["reason"] = "WrongParty", ["note"] = "Photon makes the camera" },
        "take-over" => new() { ["reason"] = "Escalation", ["note"] = "Dragging on" },
        "request-information" => new() { ["question"] = "Which firmware?" },
        "propose-fix" => new() { ["summary"] = "Update to 2.1.5" },
        "resolve" => new() { ["rootCause"] = "ProductDefect", ["liableParty"] = "acme", ["remedy"] = "Patch 1.2" },
        _ => [],
    };

    private static async Task<DashboardVisitor> SignedInAsync(Marketplace market)
    {
        var visitor = new DashboardVisitor();
        await visitor.SignInAsOperatorAsync(market);
        return visitor;
    }

    private static async Task<string[]> OfferedAsync(DashboardVisitor visitor, Guid complaint)
    {
        var page = await visitor.ReadAsync($"/dashboard/complaints/{complaint}");
        return [.. Actions.Where(a => page.Contains($"action=\"/dashboard/complaints/{complaint}/{a}\"", StringComparison.Ordinal))];
    }

    private static async Task DoneAsync(DashboardVisitor visitor, Guid complaint, string action, Dictionary<string, string> fields)
    {
        using var response = await visitor.ActAsync(complaint, action, fields);
        Assert.That((response.StatusCode, response.Headers.Location?.ToString()), Is.EqualTo((HttpStatusCode.SeeOther, $"/dashboard/complaints/{complaint}?done={action}")),
            $"{action}: {await response.Content.ReadAsStringAsync()}");
    }
}
