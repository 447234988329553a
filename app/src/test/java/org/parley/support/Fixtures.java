package org.parley.support;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** A small process of its own for a test: two conflict parties, a third-party state, a track and a start date. */
public final class Fixtures {

    public record SmallProcess(long id, long partyA, long partyB, long partyC, long trackId) {
    }

    private Fixtures() {
    }

    public static SmallProcess smallProcess(Api mediator, String startDate) {
        var p = mediator.post("/api/v1/processes", """
                {"name":"%s","description":"test","startDate":"%s","languages":["en","uk"]}"""
                .formatted(Api.unique("Test process"), startDate));
        check(p, 201);
        long id = p.json().path("id").asLong();
        long a = party(mediator, id, "A");
        long b = party(mediator, id, "B");
        long c = party(mediator, id, "C");
        var t = mediator.post("/api/v1/processes/" + id + "/tracks", """
                {"name":"Security","partyIds":[%d,%d]}""".formatted(a, b));
        check(t, 201);
        return new SmallProcess(id, a, b, c, t.json().path("id").asLong());
    }

    public static long party(Api mediator, long processId, String shortName) {
        var r = mediator.post("/api/v1/processes/" + processId + "/parties", """
                {"kind":"STATE","role":"CONFLICT_PARTY","shortName":"%s","nameEn":"State %s","nameUk":"Держава %s","nameRu":"Государство %s"}"""
                .formatted(shortName, shortName, shortName, shortName));
        check(r, 201);
        return r.json().path("id").asLong();
    }

    public static long milestone(Api mediator, long processId, String json) {
        var r = mediator.post("/api/v1/processes/" + processId + "/milestones", json);
        check(r, 201);
        return r.json().path("id").asLong();
    }

    public static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asLong()));
        return ids;
    }

    public static Api.Response check(Api.Response r, int status) {
        if (r.status() != status) {
            throw new AssertionError("expected " + status + " but got " + r.status() + ": " + r.body());
        }
        return r;
    }
}
