package org.parley.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.support.Api;
import org.parley.support.Fixtures;
import org.parley.support.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Petitions through the API as citizens, the mediator and the delegates use them: emailed confirmations,
 * supporters, moderation, thresholds and responses, duplicate signing, token replay, withdrawal, rate
 * limits, blocks, bulk invalidation and tallies on the record, and bad input.
 */
@ParleyTest
class PetitionsApiTest {

    private static final Pattern TOKEN = Pattern.compile("[?&]t=([A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Api mediator;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        mediator = api.asDemo("mediator");
    }

    // --- helpers

    record Made(long processId, long petitionId, Fixtures.SmallProcess process) {
    }

    private Fixtures.SmallProcess process(int supporters, int responseThreshold, int hearingThreshold, int rateIp, int rateSubnet) {
        Fixtures.SmallProcess p = Fixtures.smallProcess(mediator, "2026-01-15");
        check(mediator.put("/api/v1/processes/" + p.id() + "/petition-settings", """
                {"supportersNeeded":%d,"openDays":30,"responseThreshold":%d,"responseDays":14,"hearingThreshold":%d,
                 "rateLimitIp":%d,"rateLimitSubnet":%d,"rateWindowMinutes":60}"""
                .formatted(supporters, responseThreshold, hearingThreshold, rateIp, rateSubnet)), 200);
        return p;
    }

    static String email(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** The token in the newest mail to this address: what its recipient would follow. */
    String tokenFor(String recipient) {
        String body = jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1").param(recipient)
                .query(String.class).single();
        Matcher m = TOKEN.matcher(body);
        assertThat(m.find()).as("a link in the mail to " + recipient).isTrue();
        return m.group(1);
    }

    long createConfirmed(long processId, String title, String addressees) {
        String creator = email("creator");
        var r = check(api.post("/api/v1/processes/" + processId + "/petitions", """
                {"title":"%s","body":"We ask for it.","creatorName":"A. Citizen","email":"%s",%s}"""
                .formatted(title, creator, addressees)), 201);
        long id = r.json().path("id").asLong();
        var confirmed = check(api.post("/api/v1/petitions/creations/confirm", "{\"token\":\"" + tokenFor(creator) + "\"}"), 200).json();
        assertThat(confirmed.path("status").asString()).isEqualTo("GATHERING");
        return id;
    }

    String sign(long processId, long petitionId, String address, String region) {
        check(api.post("/api/v1/processes/" + processId + "/petitions/" + petitionId + "/signatures", """
                {"name":"Signer","email":"%s","region":"%s","consent":true}""".formatted(address, region)), 202);
        return tokenFor(address);
    }

    boolean confirm(String token) {
        return check(api.post("/api/v1/petitions/signatures/confirm", "{\"token\":\"" + token + "\"}"), 200).json().path("counted").asBoolean();
    }

    int count(long processId, long petitionId) {
        return api.get("/api/v1/processes/" + processId + "/petitions/" + petitionId).json().path("signatures").asInt();
    }

    Made published(int supporters, int responseThreshold, int hearingThreshold, int rateIp) {
        var p = process(supporters, responseThreshold, hearingThreshold, rateIp, 10_000);
        long id = createConfirmed(p.id(), Api.unique("Petition"), "\"toMediator\":true,\"partyIds\":[" + p.partyA() + "]");
        for (int i = 0; i < supporters; i++) {
            confirm(sign(p.id(), id, email("supporter"), "Kyiv"));
        }
        check(mediator.post("/api/v1/processes/" + p.id() + "/petitions/" + id + "/moderation", "{\"publish\":true}"), 200);
        return new Made(p.id(), id, p);
    }

    // --- tests

    @Test
    void aPetitionGoesFromItsCreatorThroughSupportersAndModerationToRequiredResponses() {
        var p = process(2, 4, 6, 100, 1000);
        String creator = email("creator");
        var created = check(api.post("/api/v1/processes/" + p.id() + "/petitions", """
                {"title":"Reopen the Kherson crossing","body":"Families are split.","creatorName":"Olha","email":"%s",
                 "toMediator":true,"partyIds":[%d]}""".formatted(creator, p.partyA())), 201).json();
        long id = created.path("id").asLong();
        // unconfirmed: invisible to the public, listed nowhere, and the creator's email never appears
        check(api.get("/api/v1/processes/" + p.id() + "/petitions/" + id), 404);
        String token = tokenFor(creator);
        assertThat(jdbc.sql("SELECT count(*) FROM petition WHERE creator_token_hash = ?").param(token).query(Long.class).single())
                .as("the token is stored hashed").isZero();
        check(api.post("/api/v1/petitions/creations/confirm", "{\"token\":\"" + token + "\"}"), 200);
        check(api.post("/api/v1/petitions/creations/confirm", "{\"token\":\"" + token + "\"}"), 200); // replay: harmless
        var gathering = check(api.get("/api/v1/processes/" + p.id() + "/petitions/" + id), 200);
        assertThat(gathering.json().path("status").asString()).isEqualTo("GATHERING");
        assertThat(gathering.body()).doesNotContain(creator);
        assertThat(api.get("/api/v1/processes/" + p.id() + "/petitions").json().findValuesAsString("title")).doesNotContain("Reopen the Kherson crossing");

        // publishing before enough supporters is refused
        check(mediator.post("/api/v1/processes/" + p.id() + "/petitions/" + id + "/moderation", "{\"publish\":true}"), 409);
        confirm(sign(p.id(), id, email("s1"), "Kherson Oblast"));
        confirm(sign(p.id(), id, email("s2"), "Kyiv"));
        assertThat(api.get("/api/v1/processes/" + p.id() + "/petitions/" + id).json().path("status").asString()).isEqualTo("MODERATION");
        // only the mediator moderates
        check(api.post("/api/v1/processes/" + p.id() + "/petitions/" + id + "/moderation", "{\"publish\":true}"), 401);
        check(api.asDemo("observer").post("/api/v1/processes/" + p.id() + "/petitions/" + id + "/moderation", "{\"publish\":true}"), 403);
        check(mediator.post("/api/v1/processes/" + p.id() + "/petitions/" + id + "/moderation", "{\"publish\":true}"), 200);

        confirm(sign(p.id(), id, email("s3"), "Kyiv"));
        assertThat(api.get("/api/v1/processes/" + p.id() + "/petitions/" + id).json().path("responseDueAt").isMissingNode()).isTrue();
        confirm(sign(p.id(), id, email("s4"), "Kyiv"));
        var due = check(api.get("/api/v1/processes/" + p.id() + "/petitions/" + id), 200).json();
        assertThat(due.path("signatures").asInt()).isEqualTo(4);
        assertThat(due.path("byRegion").path("Kyiv").asInt()).isEqualTo(3);
        assertThat(due.path("byRegion").path("Kherson Oblast").asInt()).isEqualTo(1);
        assertThat(due.path("responseDueAt").asString()).isNotBlank();
        assertThat(due.path("responses").size()).isEqualTo(2); // the mediator and party A
        assertThat(due.path("hearingDueSince").isMissingNode()).isTrue();
        // the crossing is on the public record with a tally
        assertThat(jdbc.sql("SELECT count(*) FROM record_entry WHERE subject = ? AND fact_type = 'petition.response_due'")
                .param("petition/" + id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM record_entry WHERE subject = ? AND fact_type = 'petition.tally'")
                .param("petition/" + id).query(Long.class).single()).isEqualTo(1);

        // the mediator responds for the mediator; party A's response goes overdue when its date passes
        check(mediator.post("/api/v1/processes/" + p.id() + "/petitions/" + id + "/responses", "{\"body\":\"We will raise it.\"}"), 200);
        check(mediator.post("/api/v1/processes/" + p.id() + "/petitions/" + id + "/responses", "{\"body\":\"Again.\"}"), 409);
        jdbc.sql("UPDATE petition_response SET due_at = now() - interval '1 day' WHERE petition_id = ?").param(id).update();
        var later = api.get("/api/v1/processes/" + p.id() + "/petitions/" + id).json();
        for (var r : later.path("responses")) {
            if (r.path("partyId").isMissingNode()) {
                assertThat(r.path("body").asString()).isEqualTo("We will raise it.");
                assertThat(r.path("overdue").asBoolean()).isFalse();
            } else {
                assertThat(r.path("overdue").asBoolean()).isTrue();
            }
        }
        String page = api.get("/processes/" + p.id() + "/petitions/" + id).body();
        assertThat(page).contains("Response overdue").contains("We will raise it.");

        confirm(sign(p.id(), id, email("s5"), "Lviv Oblast"));
        confirm(sign(p.id(), id, email("s6"), "Lviv Oblast"));
        assertThat(api.get("/api/v1/processes/" + p.id() + "/petitions/" + id).json().path("hearingDueSince").asString()).isNotBlank();
    }

    @Test
    void theAddressedPartysDelegateRespondsAndNoOtherParty() {
        long demo = jdbc.sql("SELECT id FROM process WHERE name = 'Dialogue on ending the war in Ukraine' ORDER BY id LIMIT 1").query(Long.class).single();
        long ru = jdbc.sql("SELECT id FROM party WHERE process_id = ? AND short_name = 'RU'").param(demo).query(Long.class).single();
        int needed = api.get("/api/v1/processes/" + demo + "/petition-settings").json().path("supportersNeeded").asInt();
        long id = createConfirmed(demo, Api.unique("Release the detained journalists"), "\"toMediator\":false,\"partyIds\":[" + ru + "]");
        for (int i = 0; i < needed; i++) {
            confirm(sign(demo, id, email("supporter"), "Kyiv"));
        }
        // not yet published: no response
        check(api.asDemo("delegate.ru").post("/api/v1/processes/" + demo + "/petitions/" + id + "/responses", "{\"body\":\"x\"}"), 409);
        check(mediator.post("/api/v1/processes/" + demo + "/petitions/" + id + "/moderation", "{\"publish\":true}"), 200);
        check(api.asDemo("delegate.us").post("/api/v1/processes/" + demo + "/petitions/" + id + "/responses", "{\"body\":\"x\"}"), 403);
        check(mediator.post("/api/v1/processes/" + demo + "/petitions/" + id + "/responses", "{\"body\":\"x\"}"), 403);
        var answered = check(api.asDemo("delegate.ru").post("/api/v1/processes/" + demo + "/petitions/" + id + "/responses",
                "{\"body\":\"The question is on the agenda of the next session.\"}"), 200).json();
        assertThat(answered.path("responses").get(0).path("partyId").asLong()).isEqualTo(ru);
        assertThat(answered.path("responses").get(0).path("body").asString()).contains("next session");
        assertThat(jdbc.sql("SELECT count(*) FROM record_entry WHERE subject = ? AND fact_type = 'petition.responded'")
                .param("petition/" + id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void oneSignaturePerNormalisedEmail() {
        Made m = published(1, 1000, 2000, 100);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        sign(m.processId(), m.petitionId(), "Jane.Doe" + tag + "+first@GoogleMail.com", "Kyiv");
        for (String variant : List.of("janedoe" + tag + "@gmail.com", "JANE.DOE" + tag + "@gmail.com", "j.a.n.e.doe" + tag + "+again@gmail.com")) {
            var r = check(api.post("/api/v1/processes/" + m.processId() + "/petitions/" + m.petitionId() + "/signatures", """
                    {"name":"Jane","email":"%s","region":"Kyiv","consent":true}""".formatted(variant)), 400);
            assertThat(r.fieldError("email")).isEqualTo("This email address has already signed this petition.");
        }
        // an unknown provider's dotted variant is another mailbox
        sign(m.processId(), m.petitionId(), "jane.doe" + tag + "@example.org", "Kyiv");
        sign(m.processId(), m.petitionId(), "janedoe" + tag + "@example.org", "Kyiv");
        assertThat(jdbc.sql("SELECT count(*) FROM petition_signature WHERE petition_id = ?").param(m.petitionId()).query(Long.class).single())
                .isEqualTo(1 + 3);
    }

    @Test
    void theSameEmailFromManyThreadsAtOnceSignsOnce() throws Exception {
        Made m = published(1, 1000, 2000, 1000);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        // sixteen variants of one gmail mailbox, sent at the same moment: they meet in one batch or in several
        List<String> variants = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            variants.add((i % 2 == 0 ? "Many.Threads" : "manythreads") + tag + (i % 3 == 0 ? "" : "+t" + i) + "@gmail.com");
        }
        List<Api.Response> answers = all(variants.stream().<Callable<Api.Response>>map(v -> () -> api.post(
                "/api/v1/processes/" + m.processId() + "/petitions/" + m.petitionId() + "/signatures",
                "{\"name\":\"Racer\",\"email\":\"" + v + "\",\"region\":\"Kyiv\",\"consent\":true}")).toList());
        assertThat(answers.stream().filter(r -> r.status() == 202)).hasSize(1);
        assertThat(answers.stream().filter(r -> r.status() == 400)).hasSize(15)
                .allSatisfy(r -> assertThat(r.fieldError("email")).isEqualTo("This email address has already signed this petition."));
        assertThat(jdbc.sql("SELECT count(*) FROM petition_signature WHERE petition_id = ? AND email_norm = ?")
                .params(m.petitionId(), "manythreads" + tag + "@gmail.com").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ANY(?)").param(variants.toArray(String[]::new))
                .query(Long.class).single()).as("only the signature written is mailed").isEqualTo(1);
    }

    @Test
    void manyConfirmationsAtOnceCountExactlyAndCrossTheThresholdOnce() throws Exception {
        Made m = published(1, 30, 2000, 1000);
        int before = count(m.processId(), m.petitionId());
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tokens.add(sign(m.processId(), m.petitionId(), email("crowd" + i), "Kyiv"));
        }
        // every link pressed twice, all at once: each counts once, the response threshold (30) is crossed once
        List<Callable<Api.Response>> presses = new ArrayList<>();
        for (String t : tokens) {
            for (int twice = 0; twice < 2; twice++) {
                presses.add(() -> api.post("/api/v1/petitions/signatures/confirm", "{\"token\":\"" + t + "\"}"));
            }
        }
        List<Api.Response> answers = all(presses);
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(answers.stream().filter(r -> r.json().path("counted").asBoolean())).hasSize(40);
        assertThat(count(m.processId(), m.petitionId())).isEqualTo(before + 40);
        assertThat(jdbc.sql("SELECT count(*) FROM record_entry WHERE subject = ? AND fact_type = 'petition.response_due'")
                .param("petition/" + m.petitionId()).query(Long.class).single()).isEqualTo(1);
    }

    /** Runs the calls at the same moment on as many threads and returns their answers in order. */
    static <T> List<T> all(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> c : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void replayedAndDoubledConfirmationsCountOnce() throws Exception {
        Made m = published(1, 1000, 2000, 100);
        int before = count(m.processId(), m.petitionId());
        String token = sign(m.processId(), m.petitionId(), email("replay"), "Kyiv");
        assertThat(confirm(token)).isTrue();
        assertThat(confirm(token)).isFalse();
        assertThat(count(m.processId(), m.petitionId())).isEqualTo(before + 1);

        // the same link pressed many times at once
        String racing = sign(m.processId(), m.petitionId(), email("race"), "Kyiv");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> presses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                presses.add(() -> confirm(racing));
            }
            int counted = 0;
            for (Future<Boolean> f : pool.invokeAll(presses)) {
                counted += f.get() ? 1 : 0;
            }
            assertThat(counted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(m.processId(), m.petitionId())).isEqualTo(before + 2);
        // an unknown token is not found
        check(api.post("/api/v1/petitions/signatures/confirm", "{\"token\":\"forged-token\"}"), 404);
    }

    @Test
    void aLinkCarriesItsSignatureAndOnlyItsSecretConfirmsIt() {
        Made m = published(1, 1000, 2000, 100);
        int before = count(m.processId(), m.petitionId());
        String token = sign(m.processId(), m.petitionId(), email("by-id"), "Kyiv");
        assertThat(token).matches("[0-9]+_[A-Za-z0-9_-]{43}");
        long id = Long.parseLong(token.substring(0, token.indexOf('_')));
        // only the secret's hash is stored, and the row is the one the id names
        assertThat(jdbc.sql("SELECT secret_hash FROM petition_signature WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo(Petitions.sha256(token.substring(token.indexOf('_') + 1)));
        assertThat(jdbc.sql("SELECT count(*) FROM petition_signature WHERE id = ? AND token_hash IS NULL").param(id).query(Long.class).single()).isOne();
        // the right id with another secret, or another id with this secret, confirms nothing
        String forged = id + "_" + "A".repeat(43);
        check(api.post("/api/v1/petitions/signatures/confirm", "{\"token\":\"" + forged + "\"}"), 404);
        check(api.post("/api/v1/petitions/signatures/confirm", "{\"token\":\"" + (id + 1) + token.substring(token.indexOf('_')) + "\"}"), 404);
        assertThat(count(m.processId(), m.petitionId())).isEqualTo(before);
        assertThat(confirm(token)).isTrue();
        assertThat(count(m.processId(), m.petitionId())).isEqualTo(before + 1);
    }

    @Test
    void aLinkMailedBeforeTokensCarriedTheirIdStillWorks() {
        Made m = published(1, 1000, 2000, 100);
        int before = count(m.processId(), m.petitionId());
        // a row as V50 wrote it: the token's hash, no secret_hash, and a link with the token alone
        String legacy = Petitions.newToken(); // what V50 mailed: 43 characters
        assertThat(legacy).hasSize(43);
        jdbc.sql("""
                INSERT INTO petition_signature (petition_id, name, email, email_norm, email_domain, region, ip, subnet, token_hash, created_at)
                VALUES (?, 'Old', ?, ?, 'example.org', 'Kyiv', '192.0.2.9', '192.0.2.0/24', ?, now())""")
                .params(m.petitionId(), "old-" + legacy.substring(0, 6) + "@example.org", "old-" + legacy.substring(0, 6) + "@example.org",
                        Petitions.sha256(legacy)).update();
        assertThat(confirm(legacy)).isTrue();
        assertThat(confirm(legacy)).isFalse();
        assertThat(count(m.processId(), m.petitionId())).isEqualTo(before + 1);
        check(api.post("/api/v1/petitions/signatures/withdraw", "{\"token\":\"" + legacy + "\"}"), 204);
        assertThat(count(m.processId(), m.petitionId())).isEqualTo(before);
    }

    @Test
    void aSignerWithdrawsAndTheCountFollows() {
        Made m = published(1, 1000, 2000, 100);
        int before = count(m.processId(), m.petitionId());
        String token = sign(m.processId(), m.petitionId(), email("withdraw"), "Kyiv");
        confirm(token);
        assertThat(count(m.processId(), m.petitionId())).isEqualTo(before + 1);
        check(api.post("/api/v1/petitions/signatures/withdraw", "{\"token\":\"" + token + "\"}"), 204);
        check(api.post("/api/v1/petitions/signatures/withdraw", "{\"token\":\"" + token + "\"}"), 204);
        assertThat(count(m.processId(), m.petitionId())).isEqualTo(before);
        check(api.post("/api/v1/petitions/signatures/confirm", "{\"token\":\"" + token + "\"}"), 409);
        assertThat(count(m.processId(), m.petitionId())).isEqualTo(before);
    }

    @Test
    void signaturesAreRateLimitedPerIpPerPetition() {
        Made m = published(1, 1000, 2000, 4); // the supporter used one
        for (int i = 0; i < 3; i++) {
            sign(m.processId(), m.petitionId(), email("burst"), "Kyiv");
        }
        var limited = api.post("/api/v1/processes/" + m.processId() + "/petitions/" + m.petitionId() + "/signatures", """
                {"name":"Burst","email":"%s","region":"Kyiv","consent":true}""".formatted(email("burst")));
        check(limited, 429);
        assertThat(limited.json().path("detail").asString()).contains("Too many signatures");
        // another petition has its own limit
        Made other = published(1, 1000, 2000, 4);
        sign(other.processId(), other.petitionId(), email("elsewhere"), "Kyiv");
    }

    @Test
    void theSubnetLimitCountsTheWholeSlash24() {
        var p = process(1, 1000, 2000, 1000, 2);
        long id = createConfirmed(p.id(), Api.unique("Subnet"), "\"toMediator\":true");
        sign(p.id(), id, email("n1"), "Kyiv");
        sign(p.id(), id, email("n2"), "Kyiv");
        check(api.post("/api/v1/processes/" + p.id() + "/petitions/" + id + "/signatures", """
                {"name":"N","email":"%s","region":"Kyiv","consent":true}""".formatted(email("n3"))), 429);
    }

    @Test
    void bulkInvalidationKeepsTheSignaturesAndTheCountFollows() {
        Made m = published(1, 1000, 2000, 100);
        String domain = "bots" + UUID.randomUUID().toString().substring(0, 6) + ".example";
        for (int i = 0; i < 3; i++) {
            confirm(sign(m.processId(), m.petitionId(), "bot" + i + "@" + domain, "Crimea"));
        }
        confirm(sign(m.processId(), m.petitionId(), email("human"), "Kyiv"));
        assertThat(count(m.processId(), m.petitionId())).isEqualTo(1 + 4);
        String path = "/api/v1/processes/" + m.processId() + "/petitions/" + m.petitionId() + "/invalidations";
        check(api.asDemo("delegate.us").post(path, "{\"kind\":\"DOMAIN\",\"value\":\"" + domain + "\",\"reason\":\"x\"}"), 403);
        check(mediator.post(path, "{\"kind\":\"DOMAIN\",\"value\":\"" + domain + "\"}"), 400); // a reason is required
        var done = check(mediator.post(path, "{\"kind\":\"DOMAIN\",\"value\":\"" + domain.toUpperCase() + "\",\"reason\":\"Scripted sign-ups\"}"), 200);
        assertThat(done.json().path("affected").asInt()).isEqualTo(3);
        assertThat(count(m.processId(), m.petitionId())).isEqualTo(2);
        assertThat(api.get("/api/v1/processes/" + m.processId() + "/petitions/" + m.petitionId()).json().path("byRegion").has("Crimea")).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM petition_signature WHERE petition_id = ? AND invalidated_at IS NOT NULL")
                .param(m.petitionId()).query(Long.class).single()).as("invalidated signatures stay recorded").isEqualTo(3);
        // by time range and by region
        check(mediator.post(path, "{\"kind\":\"TIME_RANGE\",\"from\":\"2030-01-01T00:00:00Z\",\"to\":\"2029-01-01T00:00:00Z\",\"reason\":\"r\"}"), 400);
        assertThat(check(mediator.post(path, "{\"kind\":\"REGION\",\"value\":\"Kyiv\",\"reason\":\"Test of region invalidation\"}"), 200)
                .json().path("affected").asInt()).isEqualTo(2);
        assertThat(count(m.processId(), m.petitionId())).isZero();
        assertThat(mediator.get(path).json().size()).isEqualTo(2);
        // each invalidation is on the record, with a tally whose hash is that of the remaining set
        assertThat(jdbc.sql("SELECT count(*) FROM record_entry WHERE subject = ? AND fact_type = 'petition.signatures_invalidated'")
                .param("petition/" + m.petitionId()).query(Long.class).single()).isEqualTo(2);
        var tallies = api.get("/api/v1/processes/" + m.processId() + "/petitions/" + m.petitionId() + "/tallies").json();
        assertThat(tallies.get(0).path("signatures").asInt()).isZero();
        assertThat(tallies.get(0).path("sha256").asString()).isEqualTo(Petitions.sha256(""));
        assertThat(tallies.get(1).path("signatures").asInt()).isEqualTo(2);
        List<Long> remaining = jdbc.sql("SELECT id FROM petition_signature WHERE petition_id = ? AND region = 'Kyiv' ORDER BY id")
                .param(m.petitionId()).query(Long.class).list();
        StringBuilder ids = new StringBuilder();
        remaining.forEach(i -> ids.append(i).append('\n'));
        assertThat(tallies.get(1).path("sha256").asString()).isEqualTo(Petitions.sha256(ids.toString()));
    }

    @Test
    void scheduledTalliesRecordChangedPetitionsOnly() {
        Made m = published(1, 1000, 2000, 100);
        confirm(sign(m.processId(), m.petitionId(), email("t"), "Kyiv"));
        long before = jdbc.sql("SELECT count(*) FROM petition_tally WHERE petition_id = ?").param(m.petitionId()).query(Long.class).single();
        petitions.tallyOpenPetitions();
        petitions.tallyOpenPetitions();
        assertThat(jdbc.sql("SELECT count(*) FROM petition_tally WHERE petition_id = ?").param(m.petitionId()).query(Long.class).single())
                .isEqualTo(before + 1);
        assertThat(api.get("/api/v1/processes/" + m.processId() + "/petitions/" + m.petitionId() + "/tallies").json().get(0)
                .path("signatures").asInt()).isEqualTo(2);
    }

    @Autowired
    Petitions petitions;

    @Test
    void blockedAndDisposableAddressesAreRefused() {
        Made m = published(1, 1000, 2000, 100);
        String path = "/api/v1/processes/" + m.processId() + "/petitions/" + m.petitionId() + "/signatures";
        var disposable = check(api.post(path, "{\"name\":\"D\",\"email\":\"someone@mailinator.com\",\"region\":\"Kyiv\",\"consent\":true}"), 400);
        assertThat(disposable.fieldError("email")).contains("disposable");
        check(mediator.post("/api/v1/processes/" + m.processId() + "/petition-blocks", "{\"kind\":\"DOMAIN\",\"value\":\"Spam.Example\",\"reason\":\"farm\"}"), 201);
        check(mediator.post("/api/v1/processes/" + m.processId() + "/petition-blocks", "{\"kind\":\"EMAIL\",\"value\":\"Bad.Actor+x@gmail.com\",\"reason\":\"abuse\"}"), 201);
        check(api.asDemo("observer").get("/api/v1/processes/" + m.processId() + "/petition-blocks"), 403);
        assertThat(mediator.get("/api/v1/processes/" + m.processId() + "/petition-blocks").json().findValuesAsString("value"))
                .contains("spam.example", "badactor@gmail.com");
        assertThat(check(api.post(path, "{\"name\":\"S\",\"email\":\"x@spam.example\",\"region\":\"Kyiv\",\"consent\":true}"), 400)
                .fieldError("email")).contains("blocked");
        assertThat(check(api.post(path, "{\"name\":\"S\",\"email\":\"b.a.d.actor@googlemail.com\",\"region\":\"Kyiv\",\"consent\":true}"), 400)
                .fieldError("email")).contains("blocked");
        check(mediator.post("/api/v1/processes/" + m.processId() + "/petition-blocks", "{\"kind\":\"IP\",\"value\":\"127.0.0.1\",\"reason\":\"test\"}"), 201);
        check(api.post(path, "{\"name\":\"S\",\"email\":\"" + email("ip") + "\",\"region\":\"Kyiv\",\"consent\":true}"), 400);
    }

    @Test
    void badInputIsRefusedFieldByField() {
        var p = process(1, 1000, 2000, 100, 1000);
        String path = "/api/v1/processes/" + p.id() + "/petitions";
        var malformed = check(api.post(path, "{\"title\":\"T\",\"body\":\"B\",\"creatorName\":\"C\",\"email\":\"not-an-email\",\"toMediator\":true}"), 400);
        assertThat(malformed.fieldError("email")).isEqualTo("Enter a valid email address, like name@example.org.");
        var noAddressee = check(api.post(path, "{\"title\":\"T\",\"body\":\"B\",\"creatorName\":\"C\",\"email\":\"" + email("c") + "\",\"toMediator\":false}"), 400);
        assertThat(noAddressee.fieldError("partyIds")).isNotNull();
        check(api.post(path, "{\"title\":\"T\",\"body\":\"B\",\"creatorName\":\"C\",\"email\":\"" + email("c") + "\",\"partyIds\":[999999999]}"), 400);
        var oversized = check(api.post(path, "{\"title\":\"" + "x".repeat(201) + "\",\"body\":\"B\",\"creatorName\":\"C\",\"email\":\"" + email("c")
                + "\",\"toMediator\":true}"), 400);
        assertThat(oversized.fieldError("title")).isNotNull();
        check(api.post(path, "{\"title\":\"T\",\"body\":\"" + "y".repeat(6001) + "\",\"creatorName\":\"C\",\"email\":\"" + email("c") + "\",\"toMediator\":true}"), 400);
        check(api.post(path, "not json"), 400);

        long id = createConfirmed(p.id(), Api.unique("To reject"), "\"toMediator\":true");
        String sigPath = path + "/" + id + "/signatures";
        assertThat(check(api.post(sigPath, "{\"name\":\"N\",\"email\":\"" + email("n") + "\",\"region\":\"Kyiv\",\"consent\":false}"), 400)
                .fieldError("consent")).isNotNull();
        String pending = sign(p.id(), id, email("pending"), "Kyiv");
        check(mediator.post(path + "/" + id + "/moderation", "{\"publish\":false}"), 400); // a rejection needs its reason
        check(mediator.post(path + "/" + id + "/moderation", "{\"publish\":false,\"reason\":\"Out of the process's scope.\"}"), 200);
        var rejected = api.get(path + "/" + id).json();
        assertThat(rejected.path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.path("rejectionReason").asString()).isEqualTo("Out of the process's scope.");
        // signing or confirming on a rejected petition is refused, and nothing is counted
        check(api.post(sigPath, "{\"name\":\"N\",\"email\":\"" + email("late") + "\",\"region\":\"Kyiv\",\"consent\":true}"), 409);
        check(api.post("/api/v1/petitions/signatures/confirm", "{\"token\":\"" + pending + "\"}"), 409);
        assertThat(api.get(path + "/" + id).json().path("signatures").asInt()).isZero();
        check(api.post(path + "/999999999/signatures", "{\"name\":\"N\",\"email\":\"" + email("n") + "\",\"region\":\"Kyiv\",\"consent\":true}"), 404);
    }

    @Test
    void scriptInAnyFieldIsShownAsTextNeverRun() {
        var p = process(1, 1000, 2000, 100, 1000);
        String xss = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        String creator = email("xss");
        long id = check(api.post("/api/v1/processes/" + p.id() + "/petitions", """
                {"title":"%s","body":"%s \\" onmouseover=\\"alert(3)","creatorName":"%s","email":"%s","toMediator":true}"""
                .formatted(xss.replace("\"", "\\\""), xss, xss, creator)), 201).json().path("id").asLong();
        check(api.post("/api/v1/petitions/creations/confirm", "{\"token\":\"" + tokenFor(creator) + "\"}"), 200);
        confirm(sign(p.id(), id, email("x"), "<b>Kyiv</b><script>alert(4)</script>"));
        String page = check(api.get("/processes/" + p.id() + "/petitions/" + id), 200).body();
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>Kyiv</b>");
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;b&gt;Kyiv&lt;/b&gt;");
        // and the API gives it back as the text it was
        assertThat(api.get("/api/v1/processes/" + p.id() + "/petitions/" + id).json().path("title").asString()).isEqualTo(xss);
    }

    @Test
    void theOutboxIsTheMediatorsOnly() {
        var p = process(1, 1000, 2000, 100, 1000);
        createConfirmed(p.id(), Api.unique("Outbox"), "\"toMediator\":true");
        check(api.get("/api/v1/processes/" + p.id() + "/petition-outbox"), 401);
        check(api.asDemo("delegate.us").get("/api/v1/processes/" + p.id() + "/petition-outbox"), 403);
        var mails = check(mediator.get("/api/v1/processes/" + p.id() + "/petition-outbox"), 200).json();
        assertThat(mails.size()).isEqualTo(1);
        assertThat(mails.get(0).path("subject").asString()).startsWith("Confirm your petition");
        // in Ukrainian when the citizen writes in Ukrainian
        String creator = email("uk");
        check(api.inLanguage("uk").post("/api/v1/processes/" + p.id() + "/petitions", """
                {"title":"Т","body":"Б","creatorName":"Оля","email":"%s","toMediator":true}""".formatted(creator)), 201);
        assertThat(jdbc.sql("SELECT subject FROM mail_outbox WHERE recipient = ?").param(creator).query(String.class).single())
                .startsWith("Підтвердіть свою петицію");
    }

    @Test
    void thePublicPagesReadInEachLanguage() {
        Made m = published(1, 1, 2000, 100);
        Map<String, List<String>> expected = Map.of(
                "en", List.of("Petitions", "Signatures", "Sign this petition", "Responses"),
                "uk", List.of("Петиції", "Підписи", "Підписати петицію", "Відповіді"),
                "ru", List.of("Петиции", "Подписи", "Подписать петицию", "Ответы"));
        expected.forEach((lang, words) -> {
            Api reader = api.inLanguage(lang);
            String list = check(reader.get("/processes/" + m.processId() + "/petitions"), 200).body();
            String petition = check(reader.get("/processes/" + m.processId() + "/petitions/" + m.petitionId()), 200).body();
            String form = check(reader.get("/processes/" + m.processId() + "/petitions/new"), 200).body();
            assertThat(list).contains(words.get(0));
            assertThat(petition).contains(words.get(1), words.get(2), words.get(3));
            for (String html : List.of(list, petition, form)) {
                assertThat(html).as("no message key left untranslated in " + lang).doesNotContain("??");
            }
        });
        // the live count fragment is the count alone
        String fragment = check(api.get("/processes/" + m.processId() + "/petitions/" + m.petitionId() + "/count"), 200).body();
        assertThat(fragment).contains("signature-count").doesNotContain("<html");
        var outbox = api.get("/processes/" + m.processId() + "/petition-outbox");
        assertThat(outbox.status()).as("the public is sent to sign in").isEqualTo(302);
        assertThat(outbox.body()).doesNotContain("Confirm your petition");
    }
}
