package org.parley.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.support.Web;
import org.parley.support.Api;
import org.parley.support.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

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
                p + "/commitments?by=PARTY", p + "/commitments?by=TEXT", p + "/commitments/" + commitment, p + "/plan");
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
                .contains("Fosters local trust and cooperation").contains("Cybersecurity frameworks").contains("Heavy weapons withdrawn");
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
}
