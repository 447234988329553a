package org.parley.texts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.support.Api;
import org.parley.support.ParleyTest;
import org.parley.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The texts and commitments pages over real HTTP, as a browser without JavaScript uses them: they render for the
 * public and every role in three languages on the demo, drafts stay with the table, and forms that fail keep what
 * was typed and say what is wrong.
 */
@ParleyTest
class TextsPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    long pid;
    long adopted;
    long draft;
    long commitment;

    @BeforeEach
    void demo() {
        pid = jdbc.sql("SELECT min(id) FROM process WHERE name = 'Dialogue on ending the war in Ukraine'").query(Long.class).single();
        adopted = jdbc.sql("SELECT id FROM negotiating_text WHERE process_id = ? AND title = 'Initial ceasefire agreement'").param(pid).query(Long.class).single();
        draft = jdbc.sql("SELECT id FROM negotiating_text WHERE process_id = ? AND title = 'Humanitarian aid framework'").param(pid).query(Long.class).single();
        commitment = jdbc.sql("SELECT min(id) FROM commitment WHERE process_id = ?").param(pid).query(Long.class).single();
    }

    @Test
    void everyPageRendersForEveryoneInThreeLanguages() {
        String p = "/processes/" + pid;
        List<String> pages = List.of(p + "/texts", p + "/texts/" + adopted, p + "/texts/" + adopted + "/redline?from=1&to=2", p + "/commitments",
                p + "/commitments?by=PARTY", p + "/commitments?by=TEXT", p + "/commitments/" + commitment, p + "/plan", p + "/deadline-events");
        for (String lang : List.of("en", "uk", "ru")) {
            for (String who : List.of("", "mediator", "delegate.us", "delegate.ru", "observer", "analyst")) {
                Web web = new Web(port, lang);
                if (!who.isEmpty()) {
                    web.signIn(who + "@demo.parley", ParleyTest.DEMO_PASSWORD);
                }
                for (String page : pages) {
                    assertThat(web.get(page).status()).as(lang + " " + who + " " + page).isEqualTo(200);
                }
                int draftStatus = web.get(p + "/texts/" + draft).status();
                assertThat(draftStatus).as("the draft, for " + who).isEqualTo(who.equals("mediator") || who.startsWith("delegate") ? 200 : 404);
                int editStatus = web.get(p + "/texts/" + draft + "/edit").status();
                assertThat(editStatus).as("the whole-draft form, for " + who).isEqualTo(who.equals("mediator") ? 200 : who.isEmpty() ? 302 : 403);
            }
        }
        assertThat(new Web(port, "uk").get(p + "/texts").body()).contains("Переговорні тексти");
        assertThat(new Web(port, "ru").get(p + "/commitments").body()).contains("Обязательства").contains("Барометр");
        String ceasefire = new Web(port, "en").get(p + "/texts/" + adopted).body();
        assertThat(ceasefire).contains("withdraw heavy weapons 30 km").contains("adopted-hash");
        String redline = new Web(port, "en").get(p + "/texts/" + adopted + "/redline?from=1&to=2").body();
        assertThat(redline).contains("seg-DELETE").contains("[15 km] [30 km]").contains("seg-INSERT");
        assertThat(new Web(port, "en").get(p + "/commitments.csv?by=PARTY").body()).startsWith("party,label,commitments");
        String plan = new Web(port, "en").get(p + "/plan").body();
        assertThat(plan).contains("Reduce military escalations").contains("Implement arms control agreements")
                .contains("Fosters local trust and cooperation").contains("Cybersecurity frameworks").contains("Heavy weapons withdrawn")
                .contains("180 of 400 systems").contains("verified: 95");
        String events = new Web(port, "en").get(p + "/deadline-events").body();
        assertThat(events).contains("The monitoring mission is deployed along the whole line of contact", "Happened",
                "The monitoring mission verifies the withdrawal complete", "Hand over the remains of the fallen");
        // The demo's confidential positions: RU's reservation and UA's amendment stay with them and the mediator.
        String amendment = "Corridors are notified 24 hours before use";
        assertThat(new Web(port, "en").signIn("mediator@demo.parley", ParleyTest.DEMO_PASSWORD).get(p + "/texts/" + draft).body()).contains(amendment);
        assertThat(new Web(port, "en").signIn("delegate.ua@demo.parley", ParleyTest.DEMO_PASSWORD).get(p + "/texts/" + draft).body()).contains(amendment);
        assertThat(new Web(port, "en").signIn("delegate.us@demo.parley", ParleyTest.DEMO_PASSWORD).get(p + "/texts/" + draft).body())
                .doesNotContain(amendment).doesNotContain("RU: reserve").contains("Your position:");
    }

    @Test
    void formsKeepWhatWasTypedAndSayWhatIsWrong() {
        Table t = Table.open(Api.at(port));
        String base = "/processes/" + t.processId();
        Web mediator = new Web(port, "en").signIn("mediator@demo.parley", ParleyTest.DEMO_PASSWORD);

        Web.Page noTitle = mediator.post(base + "/texts", base + "/texts", "title", "", "trackId", String.valueOf(t.trackId()),
                "signatoryIds", String.valueOf(t.a()), "preamble", "Keep this preamble");
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.body()).contains("Keep this preamble").contains("Title:");

        Web.Page created = mediator.post(base + "/texts", base + "/texts", "title", "Pages ceasefire", "trackId", String.valueOf(t.trackId()),
                "signatoryIds", String.valueOf(t.a()), "signatoryIds", String.valueOf(t.b()), "visibility", "PUBLISHED", "heading", "Terms");
        assertThat(created.status()).isEqualTo(302);
        String text = created.location().replaceFirst("^https?://[^/]+", "");
        long articleId = Long.parseLong(first(mediator.get(text).body(), "id=\"article-(\\d+)\""));

        Web.Page emptyClause = mediator.post(text, text + "/clauses", "articleId", String.valueOf(articleId), "body", "", "reason", "first clause");
        assertThat(emptyClause.status()).isEqualTo(400);
        assertThat(emptyClause.body()).contains("first clause").contains("Text:");
        assertThat(mediator.post(text, text + "/clauses", "articleId", String.valueOf(articleId), "body", "The parties cease fire [*].",
                "reason", "first clause").status()).isEqualTo(302);
        long clauseId = Long.parseLong(first(mediator.get(text).body(), "id=\"clause-(\\d+)\""));
        Web.Page noParty = mediator.post(text, text + "/clauses/" + clauseId + "/alternatives", "body", "at once", "reason", "UA");
        assertThat(noParty.status()).isEqualTo(400);
        assertThat(noParty.body()).contains("Choose the party that proposes the alternative");

        Web partyA = new Web(port, "en").signIn(t.emailA(), "a-long-password-1");
        Web.Page amendWithoutText = partyA.post(text, text + "/positions", "clauseId", String.valueOf(clauseId), "stance", "AMEND", "amendment", "");
        assertThat(amendWithoutText.status()).isEqualTo(400);
        assertThat(amendWithoutText.body()).contains("An amendment needs its proposed text");
        assertThat(partyA.post(text, text + "/positions", "clauseId", String.valueOf(clauseId), "stance", "RESERVE").status()).isEqualTo(302);
        assertThat(partyA.get(text).body()).contains("seen by you and the mediator only");

        Web.Page adopt = mediator.post(text, text + "/adopt");
        assertThat(adopt.status()).isEqualTo(409);
        assertThat(adopt.body()).contains("cannot be adopted yet");
    }

    private static String first(String body, String regex) {
        Matcher m = Pattern.compile(regex).matcher(body);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }

    @Test
    void theWholeDraftIsEditedInOneForm() {
        Table t = Table.open(Api.at(port));
        long id = t.ceasefire(Api.unique("Whole draft"), "PUBLISHED");
        String api = t.texts() + "/" + id;
        JsonNode text = t.mediator().get(api).json();
        long a1 = text.path("articles").get(0).path("id").asLong();
        long a2 = text.path("articles").get(1).path("id").asLong();
        List<JsonNode> clauses = new ArrayList<>();
        TextsApiTest.clauses(text).forEach(clauses::add);
        long c1 = clauses.get(0).path("id").asLong();
        long c2 = clauses.get(1).path("id").asLong();
        long c3 = clauses.get(2).path("id").asLong();
        String page = "/processes/" + t.processId() + "/texts/" + id;
        Web mediator = new Web(port, "en").signIn("mediator@demo.parley", ParleyTest.DEMO_PASSWORD);
        assertThat(mediator.get(page + "/edit").body()).contains("The parties withdraw heavy weapons [*] from the line of contact.",
                "value=\"15 km\"", "value=\"30 km\"", "New article");

        // Restructured in one save: articles reordered, a new article, one clause removed, one added, a bracket changed.
        Web.Page saved = mediator.post(page + "/edit", page + "/edit", "title", "Ceasefire, second reading", "preamble", "The parties agree:",
                "reason", "Restructured at the third session",
                "articles[0].id", "" + a1, "articles[0].key", "" + a1, "articles[0].heading", "Cessation of hostilities", "articles[0].order", "2",
                "articles[1].id", "" + a2, "articles[1].key", "" + a2, "articles[1].heading", "Verification", "articles[1].order", "1",
                "articles[2].key", "new", "articles[2].heading", "Final provisions", "articles[2].order", "3",
                "clauses[0].id", "" + c1, "clauses[0].article", "" + a1, "clauses[0].order", "1",
                "clauses[0].body", "All military operations cease at 00:00 UTC on the day after signature.",
                "clauses[1].id", "" + c2, "clauses[1].article", "" + a1, "clauses[1].order", "2",
                "clauses[1].body", "The parties withdraw heavy weapons [*] from the line of contact.",
                "clauses[1].alternatives[0].body", "15 km", "clauses[1].alternatives[0].partyId", "" + t.a(),
                "clauses[1].alternatives[1].body", "30 km", "clauses[1].alternatives[1].partyId", "" + t.b(), "clauses[1].alternatives[1].remove", "true",
                "clauses[1].alternatives[2].body", "20 km", "clauses[1].alternatives[2].partyId", "" + t.b(),
                "clauses[2].id", "" + c3, "clauses[2].article", "" + a2, "clauses[2].body", "Observers verify the withdrawal and report weekly.",
                "clauses[2].remove", "true",
                "clauses[3].article", "" + a2, "clauses[3].body", "Observers report weekly to the parties and the public.",
                "clauses[4].article", "new", "clauses[4].body", "This agreement enters into force on signature.",
                "clauses[5].article", "" + a1, "clauses[5].body", "");
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        JsonNode after = t.mediator().get(api).json();
        assertThat(after.path("version").asInt()).isEqualTo(2);
        assertThat(after.path("title").asString()).isEqualTo("Ceasefire, second reading");
        assertThat(after.path("articles").findValuesAsString("heading")).containsExactly("Verification", "Cessation of hostilities", "Final provisions");
        List<String> rendered = new ArrayList<>();
        TextsApiTest.clauses(after).forEach(c -> rendered.add(c.path("number").asInt() + ". " + c.path("rendered").asString()));
        assertThat(rendered).containsExactly("1. Observers report weekly to the parties and the public.",
                "2. All military operations cease at 00:00 UTC on the day after signature.",
                "3. The parties withdraw heavy weapons [15 km] [20 km] from the line of contact.",
                "4. This agreement enters into force on signature.");
        assertThat(t.mediator().get(api + "/versions").json().get(1).path("reason").asString()).isEqualTo("Restructured at the third session");

        // Mistakes: an existing clause emptied, an alternative without its party, a clause left in a removed article.
        JsonNode now = t.mediator().get(api).json();
        long verification = now.path("articles").get(0).path("id").asLong();
        long observers = TextsApiTest.clauses(now).get(0).path("id").asLong();
        Web.Page refused = mediator.post(page + "/edit", page + "/edit", "title", "Ceasefire, second reading", "reason", "Keep this reason",
                "articles[0].id", "" + verification, "articles[0].key", "" + verification, "articles[0].heading", "Verification",
                "articles[0].remove", "true",
                "clauses[0].id", "" + observers, "clauses[0].article", "" + verification, "clauses[0].body", "Still here",
                "clauses[0].alternatives[0].body", "Typed alternative");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("value=\"Keep this reason\"", "value=\"Typed alternative\"", "Still here",
                "Choose the party that proposes the alternative.", "article is removed or has no heading");
        Web.Page emptied = mediator.post(page + "/edit", page + "/edit", "title", "", "reason", "",
                "articles[0].id", "" + verification, "articles[0].key", "" + verification, "articles[0].heading", "Verification",
                "clauses[0].id", "" + observers, "clauses[0].article", "" + verification, "clauses[0].body", " ");
        assertThat(emptied.status()).isEqualTo(400);
        assertThat(emptied.body()).contains("Fill this in.");
        assertThat(t.mediator().get(api).json().path("version").asInt()).as("nothing saved").isEqualTo(2);

        // Only the mediator, only a draft.
        assertThat(new Web(port, "en").signIn(t.emailA(), "a-long-password-1").get(page + "/edit").status()).isEqualTo(403);
        assertThat(mediator.get("/processes/" + pid + "/texts/" + adopted + "/edit").status()).isEqualTo(409);
    }

    @Test
    void aBigDraftIsSavedFromTheWholeDraftForm() {
        Table t = Table.open(Api.at(port));
        StringBuilder articles = new StringBuilder();
        for (int a = 0; a < 30; a++) {
            articles.append(a == 0 ? "" : ",").append("{\"heading\":\"Article ").append(a).append("\",\"clauses\":[");
            for (int c = 0; c < 10; c++) {
                articles.append(c == 0 ? "" : ",").append("{\"body\":\"Clause ").append(a * 10 + c).append(" of the big text.\"}");
            }
            articles.append("]}");
        }
        long id = check(t.mediator().post(t.texts(), """
                {"trackId":%d,"title":"Big text","visibility":"PUBLISHED","signatoryIds":[%d,%d],"articles":[%s]}"""
                .formatted(t.trackId(), t.a(), t.b(), articles)), 201).json().path("id").asLong();
        JsonNode text = t.mediator().get(t.texts() + "/" + id).json();
        List<String> fields = new ArrayList<>(List.of("title", "Big text", "reason", "One clause reworded"));
        int ci = 0;
        for (int a = 0; a < 30; a++) {
            JsonNode article = text.path("articles").get(a);
            String key = article.path("id").asString();
            fields.addAll(List.of("articles[" + a + "].id", key, "articles[" + a + "].key", key, "articles[" + a + "].heading",
                    article.path("heading").asString(), "articles[" + a + "].order", String.valueOf(a + 1)));
            for (JsonNode c : article.path("clauses")) {
                String body = ci == 123 ? "Clause 123, reworded from the form." : c.path("body").asString();
                fields.addAll(List.of("clauses[" + ci + "].id", c.path("id").asString(), "clauses[" + ci + "].article", key,
                        "clauses[" + ci + "].order", String.valueOf(ci + 1), "clauses[" + ci + "].body", body));
                ci++;
            }
        }
        assertThat(fields.size() / 2).as("more fields than the container's default limit of 1,000").isGreaterThan(1000);
        Web mediator = new Web(port, "en").signIn("mediator@demo.parley", ParleyTest.DEMO_PASSWORD);
        String page = "/processes/" + t.processId() + "/texts/" + id;
        Web.Page saved = mediator.post(page + "/edit", page + "/edit", fields.toArray(String[]::new));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        JsonNode after = t.mediator().get(t.texts() + "/" + id).json();
        assertThat(after.path("version").asInt()).isEqualTo(2);
        assertThat(TextsApiTest.clauses(after)).hasSize(300);
        assertThat(TextsApiTest.clauses(after).get(123).path("body").asString()).isEqualTo("Clause 123, reworded from the form.");
        JsonNode redline = t.mediator().get(t.texts() + "/" + id + "/redline?from=1&to=2").json();
        assertThat(redline.path("clauses").findValuesAsString("change").stream().filter(c -> !c.equals("UNCHANGED")).count()).isEqualTo(1);
    }
}
