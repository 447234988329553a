package org.parley.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.parley.support.Api;
import org.parley.support.Fixtures;
import org.parley.support.ParleyProcess;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 of Parley while citizens sign a petition and vote in a consultation at full speed (both written in
 * group commits): after a restart, every signature the server acknowledged (202) is stored, and every
 * participant's stored vote is the last one acknowledged to it, or the one it had in flight when the server died.
 */
class AcknowledgedWritesSurviveKillTest {

    private static final Pattern TOKEN = Pattern.compile("[?&]t=([A-Za-z0-9_-]+)");
    private static final Pattern PG_PORT = Pattern.compile("Embedded PostgreSQL \\S+ on port (\\d+)");
    private static final String[] CHOICES = {"AGREE", "DISAGREE", "PASS"};

    /** No demo (it would only slow the starts): the first mediator signs in with a known password. */
    private static final Map<String, String> ENV = Map.of("PARLEY_DEMO_ENABLED", "false", "PARLEY_ADMIN_EMAIL", "admin@kill.test",
            "PARLEY_ADMIN_PASSWORD", "kill-test-password-1");

    record Vote(String token, long statement) {
    }

    @Test
    void everyAcknowledgedSignatureAndVoteIsThereAfterAKill() throws Exception {
        Path data = Path.of("target/kill-test-data");
        FileSystemUtils.deleteRecursively(data);
        Set<String> signed = ConcurrentHashMap.newKeySet();
        Map<Vote, String> lastAcked = new ConcurrentHashMap<>();
        Map<Vote, String> inFlight = new ConcurrentHashMap<>();
        long petition;
        long consultation;
        ParleyProcess first = new ParleyProcess(data, ENV).start();
        try {
            Api mediator = first.api().as(ENV.get("PARLEY_ADMIN_EMAIL"), ENV.get("PARLEY_ADMIN_PASSWORD"));
            Fixtures.SmallProcess p = Fixtures.smallProcess(mediator, "2026-01-15");
            check(mediator.put("/api/v1/processes/" + p.id() + "/petition-settings", """
                    {"supportersNeeded":1,"openDays":30,"responseThreshold":100000,"responseDays":14,"hearingThreshold":200000,
                     "rateLimitIp":1000000,"rateLimitSubnet":1000000,"rateWindowMinutes":60}"""), 200);
            petition = openPetition(first.api(), mediator, p.id());
            Instant now = Instant.now();
            JsonNode c = check(mediator.post("/api/v1/processes/" + p.id() + "/consultations", """
                    {"question":"Kill test","languages":["en"],"opensAt":"%s","closesAt":"%s","moderation":"AFTER",
                     "seedStatements":["One","Two","Three","Four"]}""".formatted(now.minusSeconds(60), now.plusSeconds(86400))), 201).json();
            consultation = c.path("id").asLong();
            String cpath = "/api/v1/processes/" + p.id() + "/consultations/" + consultation;
            List<Long> statements = new ArrayList<>();
            for (JsonNode s : first.api().get(cpath + "/statements").json()) {
                statements.add(s.path("id").asLong());
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://localhost:" + first.port();
            String signUrl = base + "/api/v1/processes/" + p.id() + "/petitions/" + petition + "/signatures";
            AtomicBoolean dead = new AtomicBoolean();
            AtomicInteger acked = new AtomicInteger();
            ExecutorService load = Executors.newVirtualThreadPerTaskExecutor();
            for (int t = 0; t < 24; t++) {
                int thread = t;
                load.submit(() -> {
                    for (int i = 0; !dead.get(); i++) {
                        String email = "kill-" + thread + "-" + i + "@example.org";
                        if (post(http, signUrl, null, "{\"name\":\"K\",\"email\":\"" + email + "\",\"region\":\"Kyiv\",\"consent\":true}") == 202) {
                            signed.add(email);
                            acked.incrementAndGet();
                        }
                    }
                    return null;
                });
                String participant = check(first.api().post(cpath + "/participants", "{}"), 201).json().path("participantToken").asString();
                load.submit(() -> {
                    for (int i = 0; !dead.get(); i++) {
                        Vote key = new Vote(participant, statements.get(i % statements.size()));
                        String choice = CHOICES[(i / statements.size() + thread) % 3];
                        inFlight.put(key, choice);
                        int status = post(http, base + cpath + "/votes", participant, "{\"statementId\":" + key.statement() + ",\"vote\":\"" + choice + "\"}");
                        if (status == 200) {
                            lastAcked.put(key, choice);
                            acked.incrementAndGet();
                        } else if (status != -1) {
                            // refused (the participant's rate limit): not in flight any more; slow down, as a person would
                            if (lastAcked.containsKey(key)) {
                                inFlight.put(key, lastAcked.get(key));
                            } else {
                                inFlight.remove(key);
                            }
                            Thread.sleep(200);
                        }
                    }
                    return null;
                });
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (acked.get() < 1500 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            first.kill(); // kill -9 in the middle of the load
            dead.set(true);
            load.shutdown();
            assertThat(load.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            first.kill();
        }
        assertThat(signed).as("signatures acknowledged before the kill").isNotEmpty();
        assertThat(lastAcked).as("votes acknowledged before the kill").isNotEmpty();

        try (ParleyProcess second = new ParleyProcess(data, ENV).start();
             Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort(data) + "/parley", "postgres", "")) {
            Set<String> stored = ConcurrentHashMap.newKeySet();
            try (PreparedStatement st = db.prepareStatement("SELECT email FROM petition_signature WHERE petition_id = ?")) {
                st.setLong(1, petition);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        stored.add(rs.getString(1));
                    }
                }
            }
            assertThat(stored).as("every acknowledged signature").containsAll(signed);
            for (var e : lastAcked.entrySet()) {
                try (PreparedStatement st = db.prepareStatement("""
                        SELECT v.vote FROM consultation_vote v JOIN consultation_participant p ON p.id = v.participant_id
                        WHERE p.consultation_id = ? AND p.token_hash = sha256(convert_to(?, 'UTF8')) AND v.statement_id = ?""")) {
                    st.setLong(1, consultation);
                    st.setString(2, e.getKey().token());
                    st.setLong(3, e.getKey().statement());
                    try (ResultSet rs = st.executeQuery()) {
                        assertThat(rs.next()).as("an acknowledged vote is stored").isTrue();
                        String storedChoice = CHOICES[rs.getInt(1) == 1 ? 0 : rs.getInt(1) == -1 ? 1 : 2];
                        assertThat(storedChoice).as("the last acknowledged vote, or the one in flight at the kill")
                                .isIn(e.getValue(), inFlight.get(e.getKey()));
                    }
                }
            }
            System.out.printf("kill -9 test: %d signatures and %d participants' votes acknowledged before the kill, all there after the restart%n",
                    signed.size(), lastAcked.size());
        }
    }

    private static int post(HttpClient http, String url, String participant, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (participant != null) {
            b.header("X-Participant-Token", participant);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1; // the server died: this request was never acknowledged
        }
    }

    /** A petition of the process, confirmed by its creator, backed by one supporter and published. */
    private static long openPetition(Api api, Api mediator, long pid) {
        long id = check(api.post("/api/v1/processes/" + pid + "/petitions", """
                {"title":"Kill test","body":"Signed while the server dies.","creatorName":"K","email":"creator@example.org","toMediator":true}"""), 201)
                .json().path("id").asLong();
        check(api.post("/api/v1/petitions/creations/confirm", "{\"token\":\"" + token(mediator, pid, "creator@example.org") + "\"}"), 200);
        check(api.post("/api/v1/processes/" + pid + "/petitions/" + id + "/signatures", """
                {"name":"S","email":"supporter@example.org","region":"Kyiv","consent":true}"""), 202);
        check(api.post("/api/v1/petitions/signatures/confirm", "{\"token\":\"" + token(mediator, pid, "supporter@example.org") + "\"}"), 200);
        check(mediator.post("/api/v1/processes/" + pid + "/petitions/" + id + "/moderation", "{\"publish\":true}"), 200);
        return id;
    }

    private static String token(Api mediator, long pid, String recipient) {
        for (JsonNode mail : mediator.get("/api/v1/processes/" + pid + "/petition-outbox").json()) {
            if (recipient.equals(mail.path("recipient").asString())) {
                Matcher m = TOKEN.matcher(mail.path("body").asString());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        throw new AssertionError("no mail to " + recipient);
    }

    private static int pgPort(Path data) throws Exception {
        Matcher m = PG_PORT.matcher(Files.readString(data.resolveSibling(data.getFileName() + ".log")));
        int port = -1;
        while (m.find()) {
            port = Integer.parseInt(m.group(1)); // the last start's
        }
        return port;
    }
}
