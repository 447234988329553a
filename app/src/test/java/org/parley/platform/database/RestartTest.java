package org.parley.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.support.Api;
import org.parley.support.ParleyProcess;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The default mode as an operator runs it: a separate JVM with its embedded PostgreSQL under the data
 * directory. What was saved is there after a clean stop and after a kill -9 (which leaves the
 * postmaster running); the demo is loaded once and the log keeps its key.
 */
class RestartTest {

    @Test
    void dataSurvivesAStopAndAKill() throws Exception {
        Path data = Path.of("target/restart-test-data");
        FileSystemUtils.deleteRecursively(data);

        String key;
        long process;
        long milestone;
        ParleyProcess first = new ParleyProcess(data, Map.of()).start();
        try {
            Api mediator = first.api().asDemo("mediator");
            key = first.api().get("/api/v1/record").json().path("verifierKey").asString();
            var created = mediator.post("/api/v1/processes", """
                    {"name":"Restart test process","description":"Kept across restarts","startDate":"2026-01-05",
                     "status":"ACTIVE","languages":["en","uk"]}""");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            process = created.json().path("id").asLong();
            var m = mediator.post("/api/v1/processes/" + process + "/milestones", """
                    {"title":"Survives restarts","dueKind":"DATE","dueDate":"2026-03-01"}""");
            assertThat(m.status()).as(m.body()).isEqualTo(201);
            milestone = m.json().path("id").asLong();
            var started = mediator.post("/api/v1/processes/" + process + "/milestones/" + milestone + "/status", """
                    {"status":"IN_PROGRESS","reason":"Work began before the restart"}""");
            assertThat(started.status()).as(started.body()).isEqualTo(200);
        } finally {
            first.stop();
        }
        assertThat(data.resolve("postgres/postmaster.pid")).as("a clean stop stops PostgreSQL").doesNotExist();

        try (ParleyProcess second = new ParleyProcess(data, Map.of()).start()) {
            assertSaved(second.api(), process, milestone, key, "IN_PROGRESS");
            var completed = second.api().asDemo("mediator").post("/api/v1/processes/" + process + "/milestones/" + milestone + "/status", """
                    {"status":"COMPLETED","reason":"Done between the restarts","evidence":"Signed minutes"}""");
            assertThat(completed.status()).as(completed.body()).isEqualTo(200);
            second.kill();
            assertThat(data.resolve("postgres/postmaster.pid")).as("kill -9 leaves the postmaster behind").exists();
        }

        try (ParleyProcess third = new ParleyProcess(data, Map.of()).start()) {
            assertSaved(third.api(), process, milestone, key, "COMPLETED");
            JsonNode history = third.api().get("/api/v1/processes/" + process + "/milestones/" + milestone + "/history").json();
            assertThat(history.findValuesAsString("to")).containsSubsequence("IN_PROGRESS", "COMPLETED");
        }
        assertThat(Files.readString(data.resolveSibling(data.getFileName() + ".log")))
                .contains("from an earlier run still holds");
    }

    private static void assertSaved(Api api, long process, long milestone, String key, String status) {
        assertThat(api.get("/api/v1/processes/" + process).json().path("name").asString()).isEqualTo("Restart test process");
        assertThat(api.get("/api/v1/processes/" + process + "/milestones/" + milestone).json().path("status").asString()).isEqualTo(status);
        List<String> names = api.get("/api/v1/processes").json().findValuesAsString("name");
        assertThat(names.stream().filter("Dialogue on ending the war in Ukraine"::equals)).as("the demo is loaded once").hasSize(1);
        assertThat(api.get("/api/v1/record").json().path("verifierKey").asString()).as("the log keeps its key").isEqualTo(key);
    }
}
