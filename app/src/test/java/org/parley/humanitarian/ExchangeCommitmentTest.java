package org.parley.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import org.junit.jupiter.api.Test;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.parley.support.Api;
import org.parley.support.ParleyTest;
import org.parley.support.Web;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** An exchange tied to the commitment of an adopted text that requires it (the demo's "all for all" exchange of prisoners). */
@ParleyTest
class ExchangeCommitmentTest {

    @LocalServerPort
    int port;

    @Autowired
    Processes processes;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anExchangeNamesTheCommitmentThatRequiresItAndOnlyOneOfItsProcess() {
        long pid = processes.all().stream().filter(p -> p.name().equals("Dialogue on ending the war in Ukraine")).mapToLong(Process::id).min().orElseThrow();
        long commitment = jdbc.sql("SELECT min(id) FROM commitment WHERE process_id = ? AND theme = 'PRISONERS'").param(pid).query(Long.class).single();
        long ua = jdbc.sql("SELECT id FROM party WHERE process_id = ? AND short_name = 'UA'").param(pid).query(Long.class).single();
        long ru = jdbc.sql("SELECT id FROM party WHERE process_id = ? AND short_name = 'RU'").param(pid).query(Long.class).single();
        Api mediator = Api.at(port).asDemo("mediator");
        String base = "/api/v1/processes/" + pid + "/humanitarian/exchanges";
        String body = """
                {"kind":"REMAINS","title":"Remains of the fallen, first phase","sideAPartyId":%d,"sideBPartyId":%d,"agreedA":50,"agreedB":50,"commitmentId":%d}""";

        var unknown = check(mediator.post(base, body.formatted(ua, ru, 999_999_999L)), 400);
        assertThat(unknown.fieldError("commitmentId")).isEqualTo("Commitment 999999999 is not one of this process.");
        JsonNode created = check(mediator.post(base, body.formatted(ua, ru, commitment)), 201).json();
        assertThat(created.path("commitmentId").asLong()).isEqualTo(commitment);
        assertThat(check(Api.at(port).get(base), 200).json().findValues("commitmentId").stream().map(JsonNode::asLong).toList()).contains(commitment);

        String page = new Web(port, "en").get("/processes/" + pid + "/humanitarian/exchanges").body();
        assertThat(page).contains("data-commitment-id=\"" + commitment + "\"", "/processes/" + pid + "/commitments/" + commitment,
                "Required by commitment " + commitment + " of an adopted text");
        String form = new Web(port, "uk").signIn("mediator@demo.parley").get("/processes/" + pid + "/humanitarian/exchanges").body();
        assertThat(form).contains("name=\"commitmentId\"", "Вимагається зобов’язанням", "Exchange all prisoners and detainees");
    }
}
