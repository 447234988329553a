package org.parley.texts;

import static org.parley.support.Fixtures.check;

import org.parley.support.Api;
import org.parley.support.Fixtures;

/**
 * A negotiating table of a test's own: a process with parties A and B at a track (the signatories), a party C
 * outside the track, and a delegate account for each party. The demo mediator runs it; the demo observer verifies.
 */
public record Table(Api api, Api mediator, long processId, long a, long b, long c, long trackId, Api delegateA, Api delegateB,
                    Api delegateC, Api observer, String emailA) {

    public static Table open(Api api) {
        Api mediator = api.asDemo("mediator");
        Fixtures.SmallProcess p = Fixtures.smallProcess(mediator, "2026-01-01");
        String emailA = delegate(mediator, p.partyA());
        Api delegateA = api.as(emailA, "a-long-password-1");
        Api delegateB = api.as(delegate(mediator, p.partyB()), "a-long-password-1");
        Api delegateC = api.as(delegate(mediator, p.partyC()), "a-long-password-1");
        return new Table(api, mediator, p.id(), p.partyA(), p.partyB(), p.partyC(), p.trackId(), delegateA, delegateB, delegateC,
                api.asDemo("observer"), emailA);
    }

    private static String delegate(Api mediator, long party) {
        String email = Api.unique("delegate").replace(' ', '-') + "@example.org";
        check(mediator.post("/api/v1/accounts", """
                {"email":"%s","displayName":"Delegate of %d","password":"a-long-password-1","role":"DELEGATE","partyId":%d}"""
                .formatted(email, party, party)), 201);
        return email;
    }

    public String texts() {
        return "/api/v1/processes/" + processId + "/texts";
    }

    /** A draft with two articles and three clauses, the second bracketed ("[15 km] [30 km]", proposed by A and B). */
    public long ceasefire(String title, String visibility) {
        var r = check(mediator.post(texts(), """
                {"trackId":%d,"title":"%s","preamble":"The parties agree as follows.","visibility":"%s","signatoryIds":[%d,%d],
                 "articles":[{"heading":"Cessation of hostilities","clauses":[
                    {"body":"All military operations cease at 00:00 UTC on the day after signature."},
                    {"body":"The parties withdraw heavy weapons [*] from the line of contact.",
                     "alternatives":[{"body":"15 km","partyId":%d},{"body":"30 km","partyId":%d}]}]},
                  {"heading":"Verification","clauses":[{"body":"Observers verify the withdrawal and report weekly."}]}]}"""
                .formatted(trackId, title, visibility, a, b, a, b)), 201);
        return r.json().path("id").asLong();
    }
}
