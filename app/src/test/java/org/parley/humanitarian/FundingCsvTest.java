package org.parley.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.support.Fixtures.check;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.humanitarian.HumanitarianTestSupport.World;
import org.parley.support.Api;
import org.parley.support.ParleyTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Funding flows in and out as FTS- or IATI-shaped CSV: totals from pledge to disbursement per donor and recipient. */
@ParleyTest
class FundingCsvTest {

    @LocalServerPort
    int port;

    Api api;
    World w;

    @BeforeEach
    void setUp() {
        api = Api.at(port);
        w = HumanitarianTestSupport.world(api);
    }

    @Test
    void ftsAndIatiShapedFilesImportAndExportWithTheTotalsPerDonorAndRecipient() throws IOException {
        // FTS's words for the status, amounts with thousands separators, a byte-order mark.
        String fts = """
                \uFEFFSource organization,Destination organization,Amount USD,Status,Date,Sector,Description
                European Commission,World Food Programme,"2,000,000",pledge,2026-02-01,Food Security,Winter food assistance
                European Commission,World Food Programme,"1,500,000",commitment,2026-02-15,Food Security,
                European Commission,World Food Programme,"500,000.50",paid contribution,2026-03-01T00:00:00Z,Food Security,
                """;
        assertThat(check(w.agency().post(w.base() + "/funding/import", fts), 200).json().path("imported").asInt()).isEqualTo(3);
        // IATI's transaction types (12 pledge, 2 commitment, 3 disbursement) and HXL hashtags under the headers.
        String iati = """
                Funder,Recipient,Transaction type,Amount (USD),Date
                #org+name+funder,#org+name+impl,#status+iati+code,#value+funding+usd,#date
                Japan,UNHCR,12,300000,2026-01-10
                Japan,UNHCR,3,100000,2026-02-10
                """;
        assertThat(check(w.agency().post(w.base() + "/funding/import", iati), 200).json().path("imported").asInt()).isEqualTo(2);

        JsonNode o = check(api.get(w.base() + "/funding"), 200).json();
        assertThat(o.path("all").path("pledged").decimalValue()).isEqualByComparingTo("2300000");
        assertThat(o.path("all").path("committed").decimalValue()).isEqualByComparingTo("1500000");
        assertThat(o.path("all").path("disbursed").decimalValue()).isEqualByComparingTo("600000.50");
        JsonNode eu = o.path("byDonor").get(0);
        assertThat(eu.path("name").asString()).isEqualTo("European Commission");
        assertThat(eu.path("disbursedOfPledged").asInt()).isEqualTo(25);
        assertThat(o.path("byRecipient").findValuesAsString("name")).containsExactly("World Food Programme", "UNHCR");

        // Export: both vocabularies and hashtags; it imports into another process as it is.
        var export = check(api.get(w.base() + "/funding/export"), 200);
        assertThat(export.contentType()).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(export.body())).getRecords();
        assertThat(rows.get(1).values()).containsExactly("#org+name+funder", "#org+name+impl", "#status", "#status+iati+code",
                "#value+funding+usd", "#date", "#sector", "#description");
        assertThat(rows).hasSize(7);
        assertThat(rows.stream().filter(r -> r.get(0).equals("Japan") && r.get(3).equals("3")).map(r -> r.get(2) + " " + r.get(4)).toList())
                .containsExactly("paid contribution 100000.00");
        World other = HumanitarianTestSupport.world(api);
        assertThat(check(other.agency().post(other.base() + "/funding/import", export.body()), 200).json().path("imported").asInt()).isEqualTo(5);
        assertThat(check(api.get(other.base() + "/funding"), 200).json().path("all").path("disbursed").decimalValue())
                .isEqualByComparingTo("600000.50");
    }

    @Test
    void aBadFileIsRefusedByColumnAndRowAndNothingIsStored() {
        var missing = check(w.agency().post(w.base() + "/funding/import", "Donor,Amount USD\nEU,5\n"), 400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.fieldError("destination organization")).isEqualTo("The file has no column destination organization.");
        assertThat(missing.fieldError("date")).isEqualTo("The file has no column date.");
        assertThat(missing.fieldError("status")).isNotNull();

        var rows = check(w.agency().post(w.base() + "/funding/import", """
                Source organization,Destination organization,Amount USD,Status,Date,Sector
                EU,WFP,1000,pledge,2026-02-01,Food Security
                EU,WFP,-5,pledge,2026-02-01,
                ,WFP,ten,promise,2026-13-01,Astrology
                """), 400);
        assertThat(rows.fieldError("row 3 Amount USD")).isEqualTo("The amount must be more than zero.");
        assertThat(rows.fieldError("row 4 Source organization")).isNotNull();
        assertThat(rows.fieldError("row 4 Amount USD")).contains("ten");
        assertThat(rows.fieldError("row 4 Status")).contains("promise");
        assertThat(rows.fieldError("row 4 Date")).contains("2026-13-01");
        assertThat(rows.fieldError("row 4 Sector")).contains("Astrology");
        assertThat(check(api.get(w.base() + "/funding/flows"), 200).json().size()).isZero();
        assertThat(w.delegateA().post(w.base() + "/funding/import", "x").status()).isEqualTo(403);
    }
}
