package org.parley.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.parley.support.Api;
import org.parley.support.Fixtures;
import org.parley.support.ParleyTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Both real-data imports into a process of their own, with their totals checked against counts made here,
 * independently, from the same files.
 */
@ParleyTest
class RealDataImportTest {

    @LocalServerPort
    int port;

    @Test
    void the282PeaceRepCorridorsImportWithTheFilesCountsByOutcomeAndProposer() throws IOException {
        String csv = Files.readString(RealData.file("humanitarian-corridors-ukraine-2022.csv"));
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byProposer = new TreeMap<>();
        int rows = 0;
        try (Reader r = Files.newBufferedReader(RealData.file("humanitarian-corridors-ukraine-2022.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                rows++;
                byStatus.merge(rec.get("status_result"), 1, Integer::sum);
                byProposer.merge(rec.get("proposal"), 1, Integer::sum);
            }
        }
        assertThat(rows).isEqualTo(282);

        Api api = Api.at(port);
        Api mediator = api.asDemo("mediator");
        long pid = Fixtures.smallProcess(mediator, "2022-03-01").id();
        String base = "/api/v1/processes/" + pid + "/humanitarian";
        assertThat(api.asDemo("humanitarian").post(base + "/corridors/import", csv).status()).isEqualTo(403);
        JsonNode result = check(mediator.post(base + "/corridors/import", csv), 200).json();
        assertThat(result.path("imported").asInt()).isEqualTo(282);

        JsonNode summary = check(api.get(base + "/summary"), 200).json().path("corridors");
        assertThat(summary.path("total").asInt()).isEqualTo(rows);
        JsonNode byOutcome = summary.path("byOutcome");
        assertThat(byOutcome.path("SUCCESSFUL").asInt()).isEqualTo(byStatus.get("successful")).isEqualTo(125);
        assertThat(byOutcome.path("UNSUCCESSFUL").asInt()).isEqualTo(byStatus.get("unsuccessful/disrupted")).isEqualTo(5);
        assertThat(byOutcome.path("DISPUTED").asInt()).isEqualTo(byStatus.get("disputed")).isEqualTo(7);
        assertThat(byOutcome.path("UNKNOWN").asInt()).isEqualTo(byStatus.get("proposed route/outcome unknown")).isEqualTo(145);
        Map<String, Integer> proposers = new TreeMap<>();
        summary.path("byProposer").properties().forEach(e -> proposers.put(e.getKey(), e.getValue().asInt()));
        assertThat(proposers).isEqualTo(byProposer);

        // Again: nothing doubles.
        JsonNode again = check(mediator.post(base + "/corridors/import", csv), 200).json();
        assertThat(again.path("imported").asInt()).isZero();
        assertThat(again.path("alreadyThere").asInt()).isEqualTo(282);
        assertThat(check(api.get(base + "/corridors?outcome=DISPUTED"), 200).json().size()).isEqualTo(7);

        // A file without the needed columns is refused column by column.
        var bad = check(mediator.post(base + "/corridors/import", "HC_ID,date\n1,2022-03-05\n"), 400);
        assertThat(bad.fieldError("proposal")).isEqualTo("The file has no column proposal.");
        assertThat(bad.fieldError("status_result")).isEqualTo("The file has no column status_result.");
    }

    @Test
    void theBlackSeaGrainInitiativeImportsAs981VoyagesWith1120CargoLinesAnd31744756Tonnes() throws IOException {
        String csv = Files.readString(RealData.file("black-sea-grain-initiative-shipments.csv"));
        Map<String, Long> byCommodity = new TreeMap<>();
        Map<String, Long> byMonth = new TreeMap<>();
        long total = 0;
        int voyages = 0;
        int lines = 0;
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);
        try (Reader r = Files.newBufferedReader(RealData.file("black-sea-grain-initiative-shipments.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                long t = Long.parseLong(rec.get("Metric tons").replace(",", ""));
                lines++;
                voyages += rec.get("Status").equals("Outbound") ? 1 : 0;
                total += t;
                byCommodity.merge(rec.get("Commodity"), t, Long::sum);
                byMonth.merge(LocalDate.parse(rec.get("Departure date"), day).toString().substring(0, 7), t, Long::sum);
            }
        }
        assertThat(voyages).isEqualTo(981);
        assertThat(lines).isEqualTo(1120);
        assertThat(total).isEqualTo(31_744_756L);

        Api api = Api.at(port);
        long pid = Fixtures.smallProcess(api.asDemo("mediator"), "2022-07-22").id();
        String base = "/api/v1/processes/" + pid + "/humanitarian";
        Api agency = api.asDemo("humanitarian");
        assertThat(api.asDemo("delegate.ru").post(base + "/voyages/import", csv).status()).isEqualTo(403);
        JsonNode result = check(agency.post(base + "/voyages/import", csv), 200).json();
        assertThat(result.path("voyages").asInt()).isEqualTo(981);
        assertThat(result.path("cargoLines").asInt()).isEqualTo(1120);
        assertThat(result.path("tonnes").asLong()).isEqualTo(31_744_756L);

        JsonNode overview = check(api.get(base + "/voyages"), 200).json();
        assertThat(overview.path("totals").path("voyages").asLong()).isEqualTo(981);
        assertThat(overview.path("totals").path("cargoLines").asLong()).isEqualTo(1120);
        assertThat(overview.path("totals").path("tonnes").asLong()).isEqualTo(31_744_756L);
        Map<String, Long> commodities = new TreeMap<>();
        overview.path("byCommodity").forEach(t -> commodities.put(t.path("key").asString(), t.path("tonnes").asLong()));
        assertThat(commodities).isEqualTo(byCommodity);
        Map<String, Long> months = new TreeMap<>();
        overview.path("byMonth").forEach(t -> months.put(t.path("key").asString(), t.path("tonnes").asLong()));
        assertThat(months).isEqualTo(byMonth);
        long destinations = 0;
        for (JsonNode t : overview.path("byDestination")) {
            destinations += t.path("tonnes").asLong();
        }
        assertThat(destinations).isEqualTo(31_744_756L);

        // Bad files are refused whole, with the row and column of each problem.
        String header = csv.substring(0, csv.indexOf('\n') + 1);
        var bad = check(agency.post(base + "/voyages/import", header
                + "Outbound +,1,X,1,Odesa,Spain,Corn,\"1,000\",1-Aug-2022,,,,,,,\n"
                + "Outbound,2,Y,2,Odesa,Spain,Corn,\"-5\",2-Aug-2022,,,,,,,\n"
                + "Outbound,3,Z,3,Odesa,Spain,Corn,\"7\",32-Aug-2022,,,,,,,\n"), 400);
        assertThat(bad.fieldError("row 2 Status")).isEqualTo("An “Outbound +” line has no voyage above it.");
        assertThat(bad.fieldError("row 3 Metric tons")).isEqualTo("This cannot be negative.");
        assertThat(bad.fieldError("row 4 Departure date")).contains("32-Aug-2022");
        assertThat(check(api.get(base + "/voyages"), 200).json().path("totals").path("voyages").asLong()).isEqualTo(981);
    }
}
