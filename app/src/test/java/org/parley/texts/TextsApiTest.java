package org.parley.texts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.record.note.Ed25519Signer;
import org.parley.record.note.Note;
import org.parley.support.Api;
import org.parley.support.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A negotiating text through the API on the real database: drafting with versions and a redline, brackets,
 * confidential positions and the matrix, "nothing agreed until everything is agreed", adoption by hash on the
 * public record, signatures (one with an Ed25519 signed note), and every bad input the issue names.
 */
@ParleyTest
class TextsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTextIsDraftedNegotiatedAdoptedAndSigned() throws Exception {
        Table t = Table.open(Api.at(port));
        long id = t.ceasefire(Api.unique("Ceasefire"), "PUBLISHED");
        String url = t.texts() + "/" + id;

        JsonNode text = check(t.mediator().get(url), 200).json();
        assertThat(text.path("version").asInt()).isEqualTo(1);
        JsonNode clauses = clauses(text);
        assertThat(clauses).hasSize(3);
        assertThat(clauses.get(1).path("rendered").asString()).isEqualTo("The parties withdraw heavy weapons [15 km] [30 km] from the line of contact.");
        assertThat(clauses.get(2).path("number").asInt()).isEqualTo(3);
        long c1 = clauses.get(0).path("id").asLong();
        long c2 = clauses.get(1).path("id").asLong();
        long c3 = clauses.get(2).path("id").asLong();

        // Drafts are the table's: the public and a party outside the text see nothing.
        assertThat(t.api().get(url).status()).isEqualTo(404);
        assertThat(t.delegateC().get(url).status()).isEqualTo(404);
        assertThat(check(t.delegateA().get(url), 200).json().path("title").asString()).startsWith("Ceasefire");

        // Positions: A accepts all, B rejects the bracketed clause with an amendment, confidentially.
        for (long c : List.of(c1, c2, c3)) {
            check(t.delegateA().post(url + "/positions", "{\"clauseId\":%d,\"stance\":\"ACCEPT\"}".formatted(c)), 200);
        }
        check(t.delegateB().post(url + "/positions", "{\"clauseId\":%d,\"stance\":\"ACCEPT\"}".formatted(c1)), 200);
        check(t.delegateB().post(url + "/positions", """
                {"clauseId":%d,"stance":"AMEND","amendment":"Withdraw 25 km, in two phases"}""".formatted(c2)), 200);
        assertThat(t.delegateA().get(url + "/positions").body()).doesNotContain("25 km");
        assertThat(t.mediator().get(url + "/positions").body()).contains("Withdraw 25 km, in two phases");
        JsonNode matrix = check(t.mediator().get(url + "/matrix"), 200).json();
        assertThat(matrix.path("adoptable").asBoolean()).isFalse();
        assertThat(matrix.path("rows").get(1).path("positions").path(String.valueOf(t.b())).path("stance").asString()).isEqualTo("AMEND");
        assertThat(t.delegateA().get(url + "/matrix").status()).isEqualTo(403);

        // A shares its positions: B sees them now; A still does not see B's.
        check(t.delegateA().post(url + "/positions/share", null), 200);
        assertThat(t.delegateB().get(url + "/positions").json().findValues("partyId").stream().map(JsonNode::asLong).toList())
                .contains(t.a());

        // Not everything is agreed: adoption is refused with what stands in the way; nothing changes.
        var refused = t.mediator().post(url + "/adopt", "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("§2");
        assertThat(t.mediator().get(url).json().path("status").asString()).isEqualTo("DRAFT");

        // The mediator resolves the bracket: version 2; positions on the changed clause no longer count.
        ObjectNode draft = draftOf(t.mediator().get(url).json(), "Bracket resolved: 30 km");
        ObjectNode second = (ObjectNode) draft.path("articles").get(0).path("clauses").get(1);
        second.put("body", "The parties withdraw heavy weapons 30 km from the line of contact.");
        second.set("alternatives", Api.json().createArrayNode());
        JsonNode v2 = check(t.mediator().put(url, draft.toString()), 200).json();
        assertThat(v2.path("version").asInt()).isEqualTo(2);
        JsonNode positionA2 = findPosition(t.delegateA().get(url + "/positions").json(), c2, t.a());
        assertThat(positionA2.path("current").asBoolean()).isFalse();
        assertThat(findPosition(t.delegateA().get(url + "/positions").json(), c1, t.a()).path("current").asBoolean()).isTrue();

        // The redline shows the bracket go and "30 km" stay, clause by clause, word by word.
        JsonNode redline = check(t.mediator().get(url + "/redline?from=1&to=2"), 200).json();
        JsonNode changed = redline.path("clauses").get(1);
        assertThat(changed.path("change").asString()).isEqualTo("CHANGED");
        assertThat(changed.toString()).contains("\"op\":\"DELETE\",\"text\":\"[15 km] [30 km]\"").contains("\"op\":\"INSERT\",\"text\":\"30 km\"");
        assertThat(redline.path("clauses").get(0).path("change").asString()).isEqualTo("UNCHANGED");
        assertThat(check(t.mediator().get(t.texts() + "/" + id + "/versions"), 200).json()).hasSize(2);

        // All accept the clause as it now reads; the text is adopted; its hash goes on the record.
        check(t.delegateA().post(url + "/positions", "{\"clauseId\":%d,\"stance\":\"ACCEPT\"}".formatted(c2)), 200);
        for (long c : List.of(c2, c3)) {
            check(t.delegateB().post(url + "/positions", "{\"clauseId\":%d,\"stance\":\"ACCEPT\"}".formatted(c)), 200);
        }
        JsonNode adopted = check(t.mediator().post(url + "/adopt", "{\"entryIntoForce\":\"2026-02-01\"}"), 200).json();
        assertThat(adopted.path("status").asString()).isEqualTo("ADOPTED");
        String hash = adopted.path("adoptedSha256").asString();
        assertThat(hash).matches("[0-9a-f]{64}");
        String canonical = jdbc.sql("SELECT canonical_form FROM negotiating_text WHERE id = ?").param(id).query(String.class).single();
        assertThat(Texts.sha256(canonical)).isEqualTo(hash);
        assertThat(canonical).contains("\"text\":\"The parties withdraw heavy weapons 30 km from the line of contact.\"");
        JsonNode facts = check(t.api().get("/api/v1/record/facts?subject=text/" + id), 200).json();
        assertThat(facts.toString()).contains("text.adopted").contains(hash);

        // Once adopted and published, everyone reads it.
        assertThat(check(t.api().get(url), 200).json().path("articles")).hasSize(2);

        // Editing an adopted text is refused: amendments make a new text.
        var edit = t.mediator().put(url, draftOf(t.mediator().get(url).json(), "late change").toString());
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.body()).contains("amendments make a new text");

        // A signs with its own Ed25519 key over the statement; B signs as a recorded act; C is not a signatory.
        Ed25519Signer key = Ed25519Signer.generate("party-a.example");
        String statement = "parley negotiating text " + t.processId() + "/" + id + "\nsha256 " + hash + "\n";
        Note note = Note.sign(statement, key);
        var badNote = t.delegateA().post(url + "/signatures", Api.json().writeValueAsString(java.util.Map.of(
                "verifierKey", key.verifierKey(), "signedNote", Note.sign("something else\n", key).toString())));
        assertThat(badNote.status()).isEqualTo(400);
        assertThat(badNote.fieldError("signedNote")).contains("statement");
        JsonNode signedA = check(t.delegateA().post(url + "/signatures", Api.json().writeValueAsString(java.util.Map.of(
                "verifierKey", key.verifierKey(), "signedNote", note.toString()))), 200).json();
        assertThat(signedA.path("signatures").get(0).path("verifierKey").asString()).isEqualTo(key.verifierKey());
        check(t.delegateB().post(url + "/signatures", "{}"), 200);
        assertThat(t.delegateB().post(url + "/signatures", "{}").status()).isEqualTo(409);
        var outsider = t.delegateC().post(url + "/signatures", "{}");
        assertThat(outsider.status()).isEqualTo(400);
        assertThat(outsider.fieldError("partyId")).contains("signatory");
        String recorded = check(t.api().get("/api/v1/record/facts?subject=text/" + id), 200).body();
        assertThat(recorded).contains("text.signed");
        // The signature in the record verifies with the party's key: anyone can check it with the record module.
        assertThat(Note.parse(note.toString()).verify(key.verifier())).hasSize(1);
    }

    @Test
    void badInputIsRefusedAndNothingIsHalfSaved() {
        Table t = Table.open(Api.at(port));
        long id = t.ceasefire(Api.unique("Ceasefire"), "PUBLISHED");
        String url = t.texts() + "/" + id;
        JsonNode text = t.mediator().get(url).json();
        long c1 = clauses(text).get(0).path("id").asLong();

        // A position from a party that is not a signatory.
        var notSignatory = t.delegateC().post(url + "/positions", "{\"clauseId\":%d,\"stance\":\"ACCEPT\"}".formatted(c1));
        assertThat(notSignatory.status()).isEqualTo(400);
        assertThat(notSignatory.fieldError("partyId")).isNotBlank();
        // An amendment without its text; a clause of another text.
        assertThat(t.delegateA().post(url + "/positions", "{\"clauseId\":%d,\"stance\":\"AMEND\"}".formatted(c1)).fieldError("amendment"))
                .isNotBlank();
        long other = t.ceasefire(Api.unique("Other"), "PUBLISHED");
        long foreignClause = clauses(t.mediator().get(t.texts() + "/" + other).json()).get(0).path("id").asLong();
        assertThat(t.delegateA().post(url + "/positions", "{\"clauseId\":%d,\"stance\":\"ACCEPT\"}".formatted(foreignClause))
                .fieldError("clauseId")).isNotBlank();
        assertThat(jdbc.sql("SELECT count(*) FROM text_position WHERE text_id = ?").param(id).query(Long.class).single()).isZero();

        // A redline across two different texts, and of a version that does not exist.
        var across = t.mediator().get(url + "/redline?from=1&to=1&toText=" + other);
        assertThat(across.status()).isEqualTo(400);
        assertThat(across.fieldError("toText")).contains("same text");
        assertThat(t.mediator().get(url + "/redline?from=1&to=7").fieldError("to")).contains("7");

        // A save that moves a clause of another text in, or names a party off the track, leaves no version behind.
        ObjectNode draft = draftOf(text, "bad");
        ((ArrayNode) draft.path("articles").get(0).path("clauses")).addObject().put("id", foreignClause).put("body", "stolen");
        assertThat(t.mediator().put(url, draft.toString()).status()).isEqualTo(400);
        ObjectNode offTrack = draftOf(text, "bad party");
        ((ObjectNode) offTrack.path("articles").get(0).path("clauses").get(0)).set("alternatives",
                Api.json().readTree("[{\"body\":\"x\",\"partyId\":%d},{\"body\":\"y\",\"partyId\":%d}]".formatted(t.c(), t.a())));
        assertThat(t.mediator().put(url, offTrack.toString()).fieldError("partyId")).isNotBlank();
        assertThat(check(t.mediator().get(url + "/versions"), 200).json()).hasSize(1);
        assertThat(t.mediator().put(url, "{\"title\":\"\",\"articles\":[],\"reason\":\"\"}").status()).isEqualTo(400);

        // Signatories off the track; a delegate may not draft.
        var offTable = t.mediator().post(t.texts(), """
                {"trackId":%d,"title":"x","visibility":"PUBLISHED","signatoryIds":[%d]}""".formatted(t.trackId(), t.c()));
        assertThat(offTable.fieldError("signatoryIds")).isNotBlank();
        assertThat(t.delegateA().put(url, draftOf(text, "mine").toString()).status()).isEqualTo(403);
    }

    static JsonNode clauses(JsonNode text) {
        List<JsonNode> out = new ArrayList<>();
        text.path("articles").forEach(a -> a.path("clauses").forEach(out::add));
        return Api.json().valueToTree(out);
    }

    static JsonNode findPosition(JsonNode positions, long clause, long party) {
        for (JsonNode p : positions) {
            if (p.path("clauseId").asLong() == clause && p.path("partyId").asLong() == party) {
                return p;
            }
        }
        throw new AssertionError("no position of " + party + " on " + clause + " in " + positions);
    }

    /** The text as a draft to PUT back, with a reason. */
    static ObjectNode draftOf(JsonNode text, String reason) {
        ObjectNode d = Api.json().createObjectNode();
        d.put("title", text.path("title").asString());
        d.put("preamble", text.path("preamble").asString());
        d.put("reason", reason);
        ArrayNode articles = d.putArray("articles");
        for (JsonNode a : text.path("articles")) {
            ObjectNode na = articles.addObject();
            na.put("id", a.path("id").asLong());
            na.put("heading", a.path("heading").asString());
            ArrayNode cs = na.putArray("clauses");
            for (JsonNode c : a.path("clauses")) {
                ObjectNode nc = cs.addObject();
                nc.put("id", c.path("id").asLong());
                nc.put("body", c.path("body").asString());
                nc.set("alternatives", c.path("alternatives"));
            }
        }
        return d;
    }
}
