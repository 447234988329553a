package org.parley.humanitarian;

import static org.parley.support.Fixtures.check;

import org.parley.support.Api;
import org.parley.support.Fixtures;

/** A process of its own with two conflict parties and a delegate account for each, and an agency organisation. */
final class HumanitarianTestSupport {

    record World(Fixtures.SmallProcess process, Api mediator, Api agency, Api delegateA, Api delegateB, Api delegateC, long orgId) {
        String base() {
            return "/api/v1/processes/" + process.id() + "/humanitarian";
        }
    }

    private HumanitarianTestSupport() {
    }

    static World world(Api api) {
        Api mediator = api.asDemo("mediator");
        var p = Fixtures.smallProcess(mediator, "2026-01-15");
        Api a = delegate(api, mediator, p.partyA());
        Api b = delegate(api, mediator, p.partyB());
        Api c = delegate(api, mediator, p.partyC());
        Api agency = api.asDemo("humanitarian");
        var org = check(agency.post("/api/v1/processes/" + p.id() + "/humanitarian/organisations", """
                {"acronym":"WFP","name":"World Food Programme","kind":"UN_AGENCY"}"""), 201);
        return new World(p, mediator, agency, a, b, c, org.json().path("id").asLong());
    }

    static Api delegate(Api api, Api mediator, long partyId) {
        String email = Api.unique("delegate").replace(' ', '-') + "@example.org";
        check(mediator.post("/api/v1/accounts", """
                {"email":"%s","displayName":"Delegate %d","password":"a-long-password-1","role":"DELEGATE","partyId":%d}"""
                .formatted(email, partyId, partyId)), 201);
        return api.as(email, "a-long-password-1");
    }
}
