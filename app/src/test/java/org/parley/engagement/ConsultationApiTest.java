package org.parley.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.publicrecord.PublicRecord;
import org.parley.support.Api;
import org.parley.support.Fixtures;
import org.parley.support.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@ParleyTest
class ConsultationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Consultations consultations;

    @Autowired
    PublicRecord record;

    Api api;
    Api mediator;
    long pid;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        mediator = api.asDemo("mediator");
        pid = Fixtures.smallProcess(mediator, "2026-01-15").id();
    }

    private String create(String moderation, boolean closedMode, String... seeds) {
        return create(moderation, "\"closedMode\":" + closedMode, seeds);
    }

    /** Opens a consultation; {@code extra} is more JSON members (e.g. access, demographics). */
    private String create(String moderation, String extra, String... seeds) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < seeds.length; i++) {
            s.append(i == 0 ? "" : ",").append('"').append(seeds[i]).append('"');
        }
        s.append(']');
        var r = check(mediator.post("/api/v1/processes/" + pid + "/consultations", """
                {"question":"%s","context":"ctx","languages":["en","uk"],"opensAt":"%s","closesAt":"%s","moderation":"%s",
                 %s,"seedStatements":%s}""".formatted(Api.unique("Q"), now.minusSeconds(60), now.plusSeconds(86400), moderation,
                extra, s)), 201);
        return "/api/v1/processes/" + pid + "/consultations/" + r.json().path("id").asLong();
    }

    private List<Long> statementIds(String path) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode n : check(api.get(path + "/statements"), 200).json()) {
            ids.add(n.path("id").asLong());
        }
        return ids;
    }

    private long id(String path) {
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    @Test
    void anOrganiserOpensAConsultationWithSeedsOnTheRecord() {
        String c = create("AFTER", false, "First seed", "Second seed");
        var json = check(api.get(c), 200).json();
        assertThat(json.path("languages").toString()).isEqualTo("[\"en\",\"uk\"]");
        assertThat(json.path("moderation").asString()).isEqualTo("AFTER");
        var statements = check(api.get(c + "/statements"), 200).json();
        assertThat(statements.findValuesAsString("text")).containsExactly("First seed", "Second seed");
        assertThat(statements.get(0).path("seed").asBoolean()).isTrue();
        assertThat(record.entriesAbout("consultation/" + id(c))).extracting(PublicRecord.Entry::type).containsExactly("consultation.opened");
        assertThat(check(api.get("/api/v1/processes/" + pid + "/consultations"), 200).json().findValuesAsString("question")).hasSize(1);
    }

    @Test
    void badConsultationsAreRefusedFieldByField() {
        var r = check(mediator.post("/api/v1/processes/" + pid + "/consultations", """
                {"question":"  ","languages":["en","xx"],"opensAt":"2026-05-02T00:00:00Z","closesAt":"2026-05-01T00:00:00Z"}"""), 400);
        assertThat(r.fieldError("question")).isEqualTo("Enter the question.");
        assertThat(r.fieldError("languages")).contains("Choose among");
        assertThat(r.fieldError("closesAt")).isEqualTo("The consultation must close after it opens.");
        assertThat(r.fieldError("moderation")).isNotNull();
        String seed281 = "x".repeat(281);
        var r2 = check(mediator.post("/api/v1/processes/" + pid + "/consultations", """
                {"question":"Q","languages":["en"],"opensAt":"2026-01-01T00:00:00Z","closesAt":"2099-01-01T00:00:00Z","moderation":"AFTER",
                 "seedStatements":["%s"]}""".formatted(seed281)), 400);
        assertThat(r2.fieldError("seedStatements")).contains("280");
        // not the organiser
        check(api.asDemo("observer").post("/api/v1/processes/" + pid + "/consultations", "{}"), 403);
        check(api.post("/api/v1/processes/" + pid + "/consultations", "{}"), 401);
    }

    @Test
    void votesAreChangeableAndCountOnce() throws Exception {
        String c = create("AFTER", false, "A", "B");
        List<Long> ids = statementIds(c);
        ParticipantClient p = ParticipantClient.join(port, c, null);
        var v1 = check(p.vote(c, ids.get(0), "AGREE"), 200).json();
        assertThat(v1.path("changed").asBoolean()).isFalse();
        var v2 = check(p.vote(c, ids.get(0), "DISAGREE"), 200).json();
        assertThat(v2.path("changed").asBoolean()).isTrue();
        // twenty concurrent identical votes: still one row
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Api.Response>> fs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            fs.add(pool.submit(() -> p.vote(c, ids.get(1), "PASS")));
        }
        for (Future<Api.Response> f : fs) {
            assertThat(f.get().status()).isEqualTo(200);
        }
        pool.shutdown();
        var rows = jdbc.sql("SELECT statement_id, vote FROM consultation_vote v JOIN consultation_participant cp ON cp.id = v.participant_id "
                + "WHERE cp.consultation_id = ? ORDER BY statement_id").param(id(c)).query((rs, n) -> rs.getLong(1) + ":" + rs.getInt(2)).list();
        assertThat(rows).containsExactly(ids.get(0) + ":-1", ids.get(1) + ":0");
        // the next statement: none left
        var next = check(p.get(c + "/next"), 200).json();
        assertThat(next.path("statement").isObject()).isFalse();
        assertThat(next.path("voted").asInt()).isEqualTo(2);
    }

    @Test
    void votesChangedConcurrentlyKeepTheLatest() throws Exception {
        String c = create("AFTER", false, "A", "B", "C");
        List<Long> ids = statementIds(c);
        String[] choices = {"AGREE", "DISAGREE", "PASS"};
        // twelve participants at once, each changing its mind on every statement five times in a row: their votes
        // share batches with each other's; each participant's last answered vote is what stays
        List<ParticipantClient> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            people.add(ParticipantClient.join(port, c, null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(people.size());
        List<Future<Map<Long, String>>> lasts = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            ParticipantClient p = people.get(i);
            int seed = i;
            lasts.add(pool.submit(() -> {
                Map<Long, String> last = new java.util.HashMap<>();
                for (int round = 0; round < 5; round++) {
                    for (long s : ids) {
                        String v = choices[(int) ((seed + round * 7 + s) % 3)];
                        var r = check(p.vote(c, s, v), 200).json();
                        assertThat(r.path("changed").asBoolean()).isEqualTo(round > 0);
                        last.put(s, v);
                    }
                }
                return last;
            }));
        }
        Map<String, Integer> value = Map.of("AGREE", 1, "DISAGREE", -1, "PASS", 0);
        for (int i = 0; i < people.size(); i++) {
            Map<Long, String> last = lasts.get(i).get();
            String token = people.get(i).token;
            for (long s : ids) {
                assertThat(jdbc.sql("""
                        SELECT v.vote FROM consultation_vote v JOIN consultation_participant p ON p.id = v.participant_id
                        WHERE p.token_hash = sha256(convert_to(?, 'UTF8')) AND v.statement_id = ?""").params(token, s)
                        .query(Integer.class).single()).isEqualTo(value.get(last.get(s)));
            }
        }
        pool.shutdown();
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_vote WHERE consultation_id = ?").param(id(c)).query(Long.class).single())
                .isEqualTo(12L * ids.size());
    }

    @Test
    void badVotesAndStatementsGetClearErrors() {
        String c = create("BEFORE", false, "Seed");
        long seed = statementIds(c).getFirst();
        ParticipantClient p = ParticipantClient.join(port, c, null);
        // unknown participant
        var noOne = new ParticipantClient(port, "not-a-token").vote(c, seed, "AGREE");
        assertThat(check(noOne, 400).fieldError("participant")).isEqualTo("Unknown participant: join the consultation first.");
        // unknown statement, missing vote
        assertThat(check(p.vote(c, 999_999_999L, "AGREE"), 400).fieldError("statementId")).contains("cannot be voted on");
        assertThat(check(p.post(c + "/votes", "{\"statementId\":" + seed + "}"), 400).fieldError("vote")).isNotNull();
        check(p.post(c + "/votes", "{\"statementId\":" + seed + ",\"vote\":\"MAYBE\"}"), 400);
        // empty and overlong statements; 280 characters is fine and waits for moderation
        assertThat(check(p.post(c + "/statements", "{\"text\":\"   \"}"), 400).fieldError("text")).isEqualTo("Write the statement.");
        assertThat(check(p.post(c + "/statements", "{\"text\":\"" + "é".repeat(281) + "\"}"), 400).fieldError("text")).contains("280");
        assertThat(check(p.post(c + "/statements", "{\"text\":\"x\",\"language\":\"ru\"}"), 400).fieldError("language")).isNotNull();
        var pending = check(p.post(c + "/statements", "{\"text\":\"" + "é".repeat(280) + "\"}"), 201).json();
        assertThat(pending.path("status").asString()).isEqualTo("PENDING");
        long pendingId = pending.path("id").asLong();
        // pending: not votable, not listed publicly
        assertThat(check(p.vote(c, pendingId, "AGREE"), 400).fieldError("statementId")).isNotNull();
        assertThat(statementIds(c)).containsExactly(seed);
        assertThat(check(mediator.get(c + "/statements/pending"), 200).json().findValuesAsString("status")).containsExactly("PENDING");
        // rejecting needs a reason; a rejected statement cannot be voted on
        assertThat(check(mediator.post(c + "/statements/" + pendingId + "/moderation", "{\"accept\":false}"), 400).fieldError("reason")).isNotNull();
        check(mediator.post(c + "/statements/" + pendingId + "/moderation", "{\"accept\":false,\"reason\":\"off topic\"}"), 200);
        check(p.vote(c, pendingId, "AGREE"), 400);
        check(mediator.post(c + "/statements/" + pendingId + "/moderation", "{\"accept\":true}"), 200);
        check(p.vote(c, pendingId, "AGREE"), 200);
        // a moderator's translation is shown in that language
        var translated = check(mediator.put(c + "/statements/" + seed + "/translations", "{\"uk\":\"Насіння\"}"), 200).json();
        assertThat(translated.path("translations").path("uk").asString()).isEqualTo("Насіння");
        check(mediator.put(c + "/statements/" + seed + "/translations", "{\"ru\":\"Семя\"}"), 400);
    }

    @Test
    void aFloodFromOneParticipantIsRateLimited() {
        String c = create("AFTER", false, "Only");
        long s = statementIds(c).getFirst();
        ParticipantClient p = ParticipantClient.join(port, c, null);
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < 120; i++) {
            int status = p.vote(c, s, i % 2 == 0 ? "AGREE" : "DISAGREE").status();
            if (status == 200) {
                ok++;
            } else if (status == 429) {
                limited++;
            }
        }
        assertThat(limited).isPositive();
        assertThat(ok + limited).isEqualTo(120);
        var r = p.vote(c, s, "AGREE");
        if (r.status() == 429) {
            assertThat(r.json().path("detail").asString()).startsWith("Too many votes");
        }
        // still one vote on the statement
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_vote WHERE statement_id = ?").param(s).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twoCampsMakeTwoGroupsAndTheBridgeIsConsensusAndClosingPutsTheResultsOnTheRecord() throws Exception {
        String[] seeds = new String[10];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = i == 0 ? "Bridge: everybody agrees" : "Statement " + i;
        }
        String c = create("AFTER", false, seeds);
        List<Long> ids = statementIds(c);
        for (int person = 0; person < 30; person++) {
            ParticipantClient p = ParticipantClient.join(port, c, null);
            boolean campA = person % 2 == 0;
            for (int j = 0; j < ids.size(); j++) {
                String vote = j == 0 ? "AGREE" : ((j % 2 == 0) == campA ? "AGREE" : "DISAGREE");
                if (person % 7 == 3 && j == 5) {
                    vote = "PASS";
                }
                check(p.vote(c, ids.get(j), vote), 200);
            }
        }
        Report report = consultations.refreshReport(pid, id(c));
        assertThat(report.groupCount()).isEqualTo(2);
        assertThat(report.included()).isEqualTo(30);
        assertThat(report.groups()).extracting(Report.Group::size).containsExactlyInAnyOrder(15, 15);
        assertThat(report.consensus()).containsExactly(ids.get(0));
        assertThat(report.divisive()).contains(ids.get(1), ids.get(2)).doesNotContain(ids.get(0));
        var json = check(api.get(c + "/report"), 200).json();
        assertThat(json.path("groupCount").asInt()).isEqualTo(2);
        assertThat(json.path("points").size()).isEqualTo(30);

        var statementsCsv = api.get(c + "/export/statements.csv");
        assertThat(statementsCsv.status()).isEqualTo(200);
        assertThat(statementsCsv.contentType()).startsWith("text/csv");
        assertThat(statementsCsv.body().lines().findFirst().orElseThrow()).startsWith("statement_id,language,text,seed,agree,disagree,pass,seen")
                .contains("group_2_seen");
        assertThat(statementsCsv.body().lines().count()).isEqualTo(11);
        var votesCsv = api.get(c + "/export/votes.csv");
        assertThat(votesCsv.body().lines().count()).isEqualTo(301);
        assertThat(votesCsv.body().lines().skip(1).map(l -> l.split(",")[0]).distinct().count()).isEqualTo(30);

        check(mediator.post(c + "/close", null), 200);
        check(mediator.post(c + "/close", null), 409);
        ParticipantClient late = new ParticipantClient(port, null);
        check(late.post(c + "/participants", "{}"), 409);
        String entry = record.entriesAbout("consultation/" + id(c)).stream().filter(e -> e.type().equals("consultation.closed"))
                .map(PublicRecord.Entry::json).findFirst().orElseThrow();
        assertThat(entry).contains("\"votes\":300").contains("\"groups\":2").contains("\"participants\":30")
                .contains(sha256(api.get(c + "/export/votes.csv").body()))
                .contains(sha256(api.get(c + "/export/statements.csv").body()));
    }

    @Test
    void aVoteAfterClosingIsRefused() {
        String c = create("AFTER", false, "S");
        long s = statementIds(c).getFirst();
        ParticipantClient p = ParticipantClient.join(port, c, null);
        check(p.vote(c, s, "AGREE"), 200);
        check(mediator.post(c + "/close", null), 200);
        var r = check(p.vote(c, s, "DISAGREE"), 409);
        assertThat(r.json().path("detail").asString()).contains("closed");
        assertThat(jdbc.sql("SELECT vote FROM consultation_vote WHERE statement_id = ?").param(s).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void closedModeNeedsAnUnusedInvitationCode() {
        String c = create("AFTER", true, "S");
        ParticipantClient anyone = new ParticipantClient(port, null);
        assertThat(check(anyone.post(c + "/participants", "{}"), 400).fieldError("invitationCode")).isNotNull();
        var codes = check(mediator.post(c + "/invitations", "{\"count\":2}"), 201).json().path("codes");
        assertThat(codes.size()).isEqualTo(2);
        String code = codes.get(0).asString();
        ParticipantClient invited = ParticipantClient.join(port, c, code);
        check(invited.vote(c, statementIds(c).getFirst(), "AGREE"), 200);
        assertThat(check(anyone.post(c + "/participants", "{\"invitationCode\":\"" + code + "\"}"), 400).fieldError("invitationCode"))
                .contains("already used");
        // codes are stored hashed only
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_invitation WHERE encode(code_hash, 'escape') LIKE ?").param("%" + code + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void closedByEmailOneParticipantPerVerifiedAddress() {
        String c = create("AFTER", "\"access\":\"EMAIL\"", "S1", "S2");
        assertThat(check(api.get(c), 200).json().path("access").asString()).isEqualTo("EMAIL");
        long s1 = statementIds(c).getFirst();
        ParticipantClient anyone = new ParticipantClient(port, null);
        // no way in without a confirmed address
        assertThat(check(anyone.post(c + "/participants", "{}"), 400).fieldError("email")).contains("confirmed e-mail");
        assertThat(check(anyone.post(c + "/email-links", "{\"email\":\"not an address\"}"), 400).fieldError("email")).contains("valid e-mail");
        assertThat(check(mediator.post(c + "/invitations", "{\"count\":2}"), 409).json().path("detail").asString()).isNotBlank();
        // a link is mailed through the outbox; only hashes of the address and the link are kept by the consultation
        String address = "Jane.Doe+panel@gmail.com";
        var mailed = check(anyone.post(c + "/email-links", "{\"email\":\"" + address + "\"}"), 202).json();
        assertThat(mailed.path("linkValidHours").asInt()).isEqualTo(48);
        String link = mailedLink(address, c);
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_email_link WHERE consultation_id = ? AND position('jane' in encode(email_hash, 'escape')) > 0")
                .param(id(c)).query(Long.class).single()).isZero();
        // confirming makes the participant, once
        String token = check(anyone.post(c + "/email-links/confirm", "{\"token\":\"" + link + "\"}"), 201).json().path("participantToken").asString();
        ParticipantClient jane = new ParticipantClient(port, token);
        check(jane.vote(c, s1, "AGREE"), 200);
        assertThat(check(anyone.post(c + "/email-links/confirm", "{\"token\":\"" + link + "\"}"), 400).fieldError("token")).contains("already used");
        assertThat(check(anyone.post(c + "/email-links/confirm", "{\"token\":\"made-up\"}"), 400).fieldError("token")).contains("not valid");
        // the same mailbox under another spelling is the same person: the new device takes the participant over
        check(anyone.post(c + "/email-links", "{\"email\":\"janedoe@googlemail.com\"}"), 202);
        String token2 = check(anyone.post(c + "/email-links/confirm", "{\"token\":\"" + mailedLink("janedoe@googlemail.com", c) + "\"}"), 201)
                .json().path("participantToken").asString();
        ParticipantClient janeAgain = new ParticipantClient(port, token2);
        assertThat(check(jane.vote(c, s1, "DISAGREE"), 400).fieldError("participant")).isNotNull();
        assertThat(check(janeAgain.get(c + "/next"), 200).json().path("voted").asInt()).isEqualTo(1);
        check(janeAgain.vote(c, s1, "DISAGREE"), 200);
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_participant WHERE consultation_id = ?").param(id(c)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT vote FROM consultation_vote WHERE statement_id = ?").param(s1).query(Integer.class).list()).containsExactly(-1);
        // an expired link is refused with its reason
        check(anyone.post(c + "/email-links", "{\"email\":\"late@example.org\"}"), 202);
        String late = mailedLink("late@example.org", c);
        jdbc.sql("UPDATE consultation_email_link SET expires_at = now() - interval '1 minute' WHERE consultation_id = ? AND confirmed_at IS NULL")
                .param(id(c)).update();
        assertThat(check(anyone.post(c + "/email-links/confirm", "{\"token\":\"" + late + "\"}"), 400).fieldError("token")).contains("expired");
        // asking again and again for one address is stopped after a burst of three
        String flood = "flood" + System.nanoTime() + "@example.org";
        int limited = 0;
        for (int i = 0; i < 5; i++) {
            limited += anyone.post(c + "/email-links", "{\"email\":\"" + flood + "\"}").status() == 429 ? 1 : 0;
        }
        assertThat(limited).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?").param(flood).query(Long.class).single()).isEqualTo(3);
        // links for a consultation open to anyone make no sense
        String open = create("AFTER", false, "S");
        check(anyone.post(open + "/email-links", "{\"email\":\"x@example.org\"}"), 409);
    }

    @Test
    void demographicQuestionsAreOptionalAnsweredOnceAndBrokenDownPerGroupWithSmallCellsHidden() {
        String[] seeds = new String[8];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = i == 0 ? "Bridge" : "Statement " + i;
        }
        String c = create("AFTER", "\"demographics\":[{\"question\":\"Age\",\"options\":[\"under 30\",\"30 or older\"]},"
                + "{\"question\":\"Region\",\"options\":[\"north\",\"south\",\"east\"]}]", seeds);
        var questions = check(api.get(c + "/demographics"), 200).json();
        assertThat(questions.findValuesAsString("text")).containsExactly("Age", "Region");
        long age = questions.get(0).path("id").asLong();
        long region = questions.get(1).path("id").asLong();
        List<Long> ids = statementIds(c);
        // bad questions are refused when opening
        var bad = check(mediator.post("/api/v1/processes/" + pid + "/consultations", """
                {"question":"Q","languages":["en"],"opensAt":"2026-01-01T00:00:00Z","closesAt":"2099-01-01T00:00:00Z","moderation":"AFTER",
                 "demographics":[{"question":"Age","options":["only one"]}]}"""), 400);
        assertThat(bad.fieldError("demographics")).contains("“Age”").contains("between 2 and 12");
        // 24 participants in two camps; camp A (even) is young and northern, camp B (odd) older, in the south (persons 1, 5,
        // 9, …) or the east (3, 7, 11, …). Persons 1 and 3 skip the questions and person 5 skips the region: they still
        // vote and are on the map
        for (int person = 0; person < 24; person++) {
            ParticipantClient p = ParticipantClient.join(port, c, null);
            boolean campA = person % 2 == 0;
            if (person != 1 && person != 3) {
                String where = person == 5 ? "null" : campA ? "0" : person % 4 == 1 ? "1" : "2";
                var answered = check(p.post(c + "/demographics/answers", "{\"answers\":{\"" + age + "\":" + (campA ? 0 : 1) + ",\"" + region + "\":"
                        + where + "}}"), 200).json();
                assertThat(answered.path(String.valueOf(age)).asInt()).isEqualTo(campA ? 0 : 1);
            }
            for (int j = 0; j < ids.size(); j++) {
                check(p.vote(c, ids.get(j), j == 0 ? "AGREE" : ((j % 2 == 0) == campA ? "AGREE" : "DISAGREE")), 200);
            }
        }
        ParticipantClient late = ParticipantClient.join(port, c, null);
        check(late.post(c + "/demographics/answers", "{\"answers\":{\"" + age + "\":1}}"), 200);
        // once only: a second answer is refused, and so is the whole batch it came in
        assertThat(check(late.post(c + "/demographics/answers", "{\"answers\":{\"" + region + "\":0,\"" + age + "\":0}}"), 409)
                .json().path("detail").asString()).contains("already answered");
        assertThat(check(late.get(c + "/demographics/answers"), 200).json().toString()).isEqualTo("{\"" + age + "\":1}");
        assertThat(check(late.post(c + "/demographics/answers", "{\"answers\":{\"" + region + "\":3}}"), 400).fieldError("answers")).contains("Region");
        assertThat(check(late.post(c + "/demographics/answers", "{\"answers\":{\"999999999\":0}}"), 400).fieldError("answers")).isNotNull();
        assertThat(check(new ParticipantClient(port, "nobody").post(c + "/demographics/answers", "{\"answers\":{}}"), 400).fieldError("participant"))
                .isNotNull();

        Report report = consultations.refreshReport(pid, id(c));
        assertThat(report.groupCount()).isEqualTo(2);
        assertThat(report.included()).isEqualTo(24); // the late one did not vote: not on the map, not counted
        Report.Demographic ageRows = report.demographics().get(0);
        assertThat(ageRows.options()).containsExactly("under 30", "30 or older");
        // camp A's group is the one that agrees with statement 2
        List<Report.GroupFigures> onTwo = report.figures(ids.get(2)).groups();
        int groupA = onTwo.get(0).agree() > onTwo.get(1).agree() ? 0 : 1;
        assertThat(report.groups()).extracting(Report.Group::size).containsExactly(12, 12);
        // camp A (12): all under 30, all answered. Camp B (12): none under 30, 10 older, 2 no answer: the 2 is hidden,
        // and so is the smallest other non-zero count (10), which would give it away
        for (Report.DemographicRow row : ageRows.groups()) {
            if (row.group() == groupA) {
                assertThat(row.counts()).containsExactly(12, 0);
                assertThat(row.unanswered()).isZero();
            } else {
                assertThat(row.counts()).containsExactly(0, null);
                assertThat(row.unanswered()).isNull();
            }
        }
        // region, camp B: south = 5, 9, 13, 17, 21 (1 skipped all, 5 skipped this) = 4; east = 7, 11, 15, 19, 23 = 5 (3 skipped);
        // no answer = 3. The 4 and the 3 hide each other; the 5 is shown
        Report.DemographicRow regionB = report.demographics().get(1).groups().stream().filter(r -> r.group() != groupA).findFirst().orElseThrow();
        assertThat(regionB.counts()).containsExactly(0, null, 5);
        assertThat(regionB.unanswered()).isNull();
        assertThat(check(api.get(c + "/report"), 200).json().path("demographics").get(1).path("groups").toString()).contains("null");

        check(mediator.post(c + "/close", null), 200);
        String entry = record.entriesAbout("consultation/" + id(c)).stream().filter(e -> e.type().equals("consultation.closed"))
                .map(PublicRecord.Entry::json).findFirst().orElseThrow();
        // 21 people answered both questions, person 5 only the age, the late one only the age: 44 answers
        assertThat(entry).contains("\"demographicAnswers\":44").contains("demographicBreakdownSha256");
        // closed: no more answers
        check(late.post(c + "/demographics/answers", "{\"answers\":{\"" + region + "\":0}}"), 409);
    }

    /** The token of the latest consultation link mailed to an address (without SMTP, mail waits in the outbox). */
    private String mailedLink(String address, String consultationPath) {
        String body = jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1").param(address).query(String.class).single();
        var m = java.util.regex.Pattern.compile("/processes/\\d+/consultations/(\\d+)/verify\\?t=([A-Za-z0-9_-]+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        assertThat(m.group(1)).isEqualTo(String.valueOf(id(consultationPath)));
        return m.group(2);
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
