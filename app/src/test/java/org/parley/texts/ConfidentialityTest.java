package org.parley.texts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.parley.support.Web;
import org.parley.support.Api;
import org.parley.support.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A party's confidential position text, and the content of a confidential adopted text, never reach another party or
 * the public: every page reachable by following links (and htmx loads) from the process, every API response about
 * the process, and every entry of the public record are searched for them.
 */
@ParleyTest
class ConfidentialityTest {

    private static final Pattern LINK = Pattern.compile("(?:href|hx-get|action)=\"([^\"#]+)");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPartysConfidentialPositionIsNeverFoundOutsideItsParty() {
        Table t = Table.open(Api.at(port));
        String position = "SECRET-" + UUID.randomUUID() + " withdraw only 7 km";
        String clauseSecret = "CONFIDENTIAL-CLAUSE-" + UUID.randomUUID();
        String actionSecret = "CONFIDENTIAL-ACTION-" + UUID.randomUUID();
        String indicatorSecret = "CONFIDENTIAL-INDICATOR-" + UUID.randomUUID();

        // B's confidential amendment on a published text that is still a draft.
        long open = t.ceasefire(Api.unique("Open draft"), "PUBLISHED");
        String openUrl = t.texts() + "/" + open;
        long c2 = TextsApiTest.clauses(t.mediator().get(openUrl).json()).get(1).path("id").asLong();
        check(t.delegateB().post(openUrl + "/positions", "{\"clauseId\":%d,\"stance\":\"AMEND\",\"amendment\":\"%s\"}".formatted(c2, position)), 200);
        check(t.delegateA().post(openUrl + "/positions/share", null), 200);

        // A confidential text, adopted, with a commitment made from it.
        long conf = check(t.mediator().post(t.texts(), """
                {"trackId":%d,"title":"Confidential annex %s","visibility":"CONFIDENTIAL","signatoryIds":[%d,%d],
                 "articles":[{"heading":"Annex","clauses":[{"body":"%s"}]}]}""".formatted(t.trackId(), clauseSecret, t.a(), t.b(), clauseSecret)), 201)
                .json().path("id").asLong();
        String confUrl = t.texts() + "/" + conf;
        long cc = TextsApiTest.clauses(t.mediator().get(confUrl).json()).get(0).path("id").asLong();
        for (Api d : List.of(t.delegateA(), t.delegateB())) {
            check(d.post(confUrl + "/positions", "{\"clauseId\":%d,\"stance\":\"ACCEPT\"}".formatted(cc)), 200);
        }
        check(t.mediator().post(confUrl + "/adopt", "{}"), 200);
        check(t.delegateA().post(confUrl + "/signatures", "{}"), 200);
        JsonNode made = check(t.mediator().post("/api/v1/processes/" + t.processId() + "/commitments", """
                {"textId":%d,"clauseId":%d,"action":"%s","theme":"SECURITY_GUARANTEES","partyIds":[%d],"deadlineKind":"FIXED","dueDate":"2026-06-01",
                 "indicators":[{"name":"%s","unit":"units","target":77}]}"""
                .formatted(conf, cc, actionSecret, t.a(), indicatorSecret)), 201).json();
        long commitment = made.path("id").asLong();
        long indicator = made.path("indicators").get(0).path("id").asLong();
        check(t.delegateA().post("/api/v1/processes/" + t.processId() + "/commitments/" + commitment + "/reports",
                "{\"level\":1,\"reason\":\"%s begun\",\"evidence\":\"%s evidence\",\"indicators\":[{\"indicatorId\":%d,\"value\":31}]}"
                        .formatted(actionSecret, actionSecret, indicator)), 200);
        check(t.observer().post("/api/v1/processes/" + t.processId() + "/commitments/" + commitment + "/verifications",
                "{\"level\":1,\"reason\":\"%s seen\",\"evidence\":\"%s patrol\",\"indicators\":[{\"indicatorId\":%d,\"value\":30}]}"
                        .formatted(actionSecret, actionSecret, indicator)), 200);
        check(t.mediator().put("/api/v1/processes/" + t.processId() + "/commitments/" + commitment, """
                {"textId":%d,"clauseId":%d,"action":"%s","theme":"SECURITY_GUARANTEES","partyIds":[%d],"deadlineKind":"FIXED","dueDate":"2026-07-01",
                 "indicators":[{"id":%d,"name":"%s","unit":"units","target":78}]}"""
                .formatted(conf, cc, actionSecret, t.a(), indicator, indicatorSecret)), 200);
        // A public row of the plan linked to the confidential commitment and its indicator; a public event; a commitment after it.
        long planItem = check(t.mediator().post("/api/v1/processes/" + t.processId() + "/plan", """
                {"kind":"CONFIDENCE_MEASURE","title":"Guarantees","expected":"Confidence","commitmentIds":[%d],"indicatorIds":[%d]}"""
                .formatted(commitment, indicator)), 201).json().path("id").asLong();
        long event = check(t.mediator().post("/api/v1/processes/" + t.processId() + "/deadline-events", "{\"title\":\"Guarantors meet\"}"), 201)
                .json().path("id").asLong();
        check(t.mediator().post("/api/v1/processes/" + t.processId() + "/commitments", """
                {"textId":%d,"clauseId":%d,"action":"%s after the meeting","theme":"SECURITY_GUARANTEES","partyIds":[%d],"deadlineKind":"AFTER_EVENT",
                 "offsetDays":3,"anchorEventId":%d}""".formatted(conf, cc, actionSecret, t.a(), event)), 201);
        check(t.observer().post("/api/v1/processes/" + t.processId() + "/deadline-events/" + event + "/occurrence",
                "{\"occurredOn\":\"2026-01-02\",\"reason\":\"Met\",\"evidence\":\"Minutes\"}"), 200);

        // The test can fail: the secrets are where they belong.
        assertThat(t.mediator().get(openUrl + "/positions").body()).contains(position);
        assertThat(t.delegateB().get(openUrl + "/positions").body()).contains(position);
        assertThat(t.delegateA().get(confUrl).body()).contains(clauseSecret);
        assertThat(t.mediator().get("/api/v1/processes/" + t.processId() + "/plan").body()).contains(String.valueOf(indicator));
        assertThat(t.observer().get("/api/v1/processes/" + t.processId() + "/commitments/" + commitment).body()).contains(indicatorSecret);
        Web mediatorWeb = new Web(port, "en").signIn("mediator@demo.parley", org.parley.support.ParleyTest.DEMO_PASSWORD);
        assertThat(mediatorWeb.get("/processes/" + t.processId() + "/texts/" + open).body()).contains(position.replace("7 km", ""));

        List<String> secretsFromA = List.of(position);
        List<String> secretsFromPublic = List.of(position, clauseSecret, actionSecret, indicatorSecret);

        // The public: pages by crawling, and the API.
        Web anonymous = new Web(port, "en");
        Set<String> publicPages = crawl(t.processId(), path -> anonymous.get(path).body(), secretsFromPublic);
        assertThat(publicPages).contains("/processes/" + t.processId() + "/texts", "/processes/" + t.processId() + "/commitments",
                "/processes/" + t.processId() + "/plan", "/processes/" + t.processId() + "/texts/" + conf,
                "/processes/" + t.processId() + "/deadline-events");
        apiSweep(t, t.api().anonymous(), open, conf, commitment, planItem, event, secretsFromPublic);
        // The public's plan keeps the row but not its link to what it may not see.
        JsonNode row = check(t.api().anonymous().get("/api/v1/processes/" + t.processId() + "/plan/" + planItem), 200).json();
        assertThat(row.path("commitmentIds")).isEmpty();
        assertThat(row.path("indicatorIds")).isEmpty();

        // Another party at the table (A): pages and API; it may read the confidential text (it is a signatory) but never B's position.
        Web partyA = new Web(port, "en").signIn(t.emailA(), "a-long-password-1");
        Set<String> aPages = crawl(t.processId(), path -> partyA.get(path).body(), secretsFromA);
        assertThat(aPages).contains("/processes/" + t.processId() + "/texts/" + open);
        apiSweep(t, t.delegateA(), open, conf, commitment, planItem, event, secretsFromA);
        // A party outside the table and an observer: never B's position, never the confidential text.
        apiSweep(t, t.delegateC(), open, conf, commitment, planItem, event, secretsFromPublic);
        apiSweep(t, t.observer(), open, conf, commitment, planItem, event, List.of(position, clauseSecret));
        // The observer may see the confidential commitment (observers verify it), yet never B's position on a page.
        Web observer = new Web(port, "en").signIn("observer@demo.parley", org.parley.support.ParleyTest.DEMO_PASSWORD);
        crawl(t.processId(), path -> observer.get(path).body(), List.of(position));

        // Every entry of the public record.
        List<byte[]> entries = jdbc.sql("SELECT entry FROM record_entry").query((rs, n) -> rs.getBytes(1)).list();
        assertThat(entries).isNotEmpty();
        for (byte[] e : entries) {
            String s = new String(e, StandardCharsets.UTF_8);
            for (String secret : secretsFromPublic) {
                assertThat(s).doesNotContain(secret);
            }
        }
        String adopted = jdbc.sql("SELECT convert_from(entry, 'UTF8') FROM record_entry WHERE subject = ? AND fact_type = 'text.adopted'")
                .param("text/" + conf).query(String.class).single();
        assertThat(adopted).contains(t.mediator().get(confUrl).json().path("adoptedSha256").asString());
    }

    /** Follows every link, form action and htmx load under the process and the record (GET only), searching each page. */
    private Set<String> crawl(long processId, Function<String, String> fetch, List<String> secrets) {
        String base = "/processes/" + processId;
        Deque<String> queue = new ArrayDeque<>(List.of(base, base + "/texts", base + "/commitments", base + "/plan", "/record"));
        Set<String> seen = new LinkedHashSet<>(queue);
        int fetched = 0;
        while (!queue.isEmpty() && fetched < 400) {
            String path = queue.poll();
            String body = fetch.apply(path);
            fetched++;
            for (String secret : secrets) {
                assertThat(body).as("page " + path).doesNotContain(secret).doesNotContain(secret.substring(0, 20));
            }
            Matcher m = LINK.matcher(body);
            while (m.find()) {
                String link = m.group(1).replace("&amp;", "&");
                boolean ours = link.startsWith(base + "/") || link.equals(base) || link.startsWith("/record/about")
                        || link.startsWith("/api/v1/processes/" + processId + "/");
                boolean write = link.endsWith("/positions") || link.endsWith("/share") || link.endsWith("/sign") || link.endsWith("/adopt")
                        || link.endsWith("/comments") || link.endsWith("/report") || link.endsWith("/verify") || link.contains("/clauses")
                        || link.endsWith("/occurred") || link.endsWith("/delete");
                if (ours && !write && seen.add(link)) {
                    queue.add(link);
                }
            }
        }
        return seen;
    }

    private void apiSweep(Table t, Api api, long open, long conf, long commitment, long planItem, long event, List<String> secrets) {
        String p = "/api/v1/processes/" + t.processId();
        List<String> paths = new ArrayList<>(List.of(p + "/texts", p + "/commitments", p + "/commitments/" + commitment + "/measurements",
                p + "/deadline-events", p + "/deadline-events/" + event, p + "/plan/" + planItem, p + "/commitment-rollups?by=TEXT",
                p + "/commitment-rollups?by=THEME", p + "/commitment-rollups?by=PARTY", p + "/commitment-rollups.csv?by=TEXT",
                p + "/commitment-barometer", p + "/commitment-barometer.csv", p + "/plan", p + "/commitments/" + commitment,
                p + "/commitments/" + commitment + "/history", "/api/v1/record/facts?subject=text/" + open,
                "/api/v1/record/facts?subject=text/" + conf, "/api/v1/record/facts?subject=commitment/" + commitment));
        for (long text : List.of(open, conf)) {
            for (String s : List.of("", "/versions", "/positions", "/comments", "/matrix", "/redline?from=1&to=1")) {
                paths.add(p + "/texts/" + text + s);
            }
        }
        for (String path : paths) {
            String body = api.get(path).body();
            for (String secret : secrets) {
                assertThat(body).as("API " + path).doesNotContain(secret);
            }
        }
        JsonNode list = api.get(p + "/texts").json();
        assertThat(list.isArray()).isTrue();
    }
}
