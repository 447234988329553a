package org.parley.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.parley.support.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The humanitarian pages over real HTTP, as a browser without JavaScript uses them, in three languages. */
@ParleyTest
class HumanitarianPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    Processes processes;

    @Autowired
    JdbcClient jdbc;

    long pid;
    String base;

    @BeforeEach
    void findTheDemo() {
        pid = processes.all().stream().filter(p -> p.name().equals("Dialogue on ending the war in Ukraine")).mapToLong(Process::id).min().orElseThrow();
        base = "/processes/" + pid + "/humanitarian";
    }

    @Test
    void thePublicSeesAggregatesButNotConvoyRoutes() {
        long corridor = jdbc.sql("SELECT min(id) FROM hum_corridor WHERE process_id = ?").param(pid).query(Long.class).single();
        long delivery = jdbc.sql("SELECT min(id) FROM hum_delivery WHERE process_id = ?").param(pid).query(Long.class).single();
        Web anonymous = new Web("en");
        for (String page : List.of(base, base + "?sector=HEALTH", base + "/activities", base + "/corridors", base + "/corridors?outcome=UNKNOWN",
                base + "/corridors/" + corridor, base + "/grain", base + "/exchanges", base + "/funding")) {
            Page p = anonymous.get(page);
            assertThat(p.status()).as(page).isEqualTo(200);
            assertThat(p.body()).as(page).doesNotContain("M-18");
        }
        assertThat(anonymous.get(base).body()).contains("Need against reach", "id=\"gap-map\"", "Donetsk Oblast");
        assertThat(anonymous.get(base + "/activities").body()).doesNotContain("Record an activity");
        assertThat(anonymous.get(base + "/deliveries/" + delivery).status()).isEqualTo(302);
        assertThat(anonymous.get(base + "/activities/export").body()).contains("#adm1+code");
        Page boundaries = anonymous.get("/data/ukraine-admin1.geojson");
        assertThat(boundaries.status()).isEqualTo(200);
        assertThat(boundaries.body()).startsWith("{").contains("\"koatuu\":\"6300000000\"");

        Web agency = new Web("en").signIn("humanitarian@demo.parley");
        for (String page : List.of(base + "/deliveries", base + "/deliveries/" + delivery, base + "/deliveries/new", base + "/activities")) {
            assertThat(agency.get(page).status()).as(page).isEqualTo(200);
        }
        assertThat(agency.get(base + "/deliveries/" + delivery).body()).contains("Food convoy to Kharkiv", "M-18", "awaiting acknowledgement");
        assertThat(agency.get(base + "/activities").body()).contains("Record an activity", "Import 4W activities (HXL)");
    }

    @Test
    void thePagesSpeakUkrainianAndRussian() {
        Page uk = new Web("uk").get(base);
        assertThat(uk.body()).contains("<h1>Гуманітарна допомога</h1>", "Донецька область", "Потреби та охоплення");
        Page ru = new Web("ru").get(base + "/corridors");
        assertThat(ru.body()).contains("Коридоры и паузы", "По результату");
        assertThat(new Web("uk").get(base + "/grain").body()).contains("Зернові рейси");
    }

    @Test
    void formsKeepWhatWasTypedAndSayWhatIsWrong() {
        Web agency = new Web("en").signIn("humanitarian@demo.parley");
        Page need = agency.post(base + "/activities", base + "/needs", "areaPcode", "UA14", "sector", "HEALTH", "peopleInNeed", "-4",
                "peopleTargeted", "0", "periodStart", "2026-03-01", "periodEnd", "2026-02-01", "source", "Rapid assessment 7");
        assertThat(need.status()).isEqualTo(400);
        assertThat(need.body()).contains("This cannot be negative.", "The end comes before the start.", "value=\"Rapid assessment 7\"");

        Page hxl = agency.post(base + "/activities", base + "/activities/import", "csv", "#org,#sector,#activity,#date\nWFP,Health,Clinics,2026-03-01\n");
        assertThat(hxl.status()).isEqualTo(400);
        assertThat(hxl.body()).contains("Nothing was imported", "#adm1+code: The file has no column tagged #adm1+code.",
                "#reached: The file has no column tagged #reached.", "WFP,Health,Clinics");

        Page uk = new Web("uk").signIn("humanitarian@demo.parley").post(base + "/activities", base + "/needs", "areaPcode", "UA99",
                "sector", "HEALTH", "peopleInNeed", "5", "peopleTargeted", "1", "periodStart", "2026-03-01", "periodEnd", "2026-04-01", "source", "x");
        assertThat(uk.status()).isEqualTo(400);
        assertThat(uk.body()).contains("Невідомий P-код «UA99».");

        Page corridor = new Web("en").signIn("delegate.ua@demo.parley").post(base + "/corridors", base + "/corridors/new", "purpose", "EVACUATION",
                "fromName", "Vovchansk", "toName", "Kharkiv", "windowStart", "2026-05-01T10:00", "windowEnd", "2026-05-01T08:00");
        assertThat(corridor.status()).isEqualTo(400);
        assertThat(corridor.body()).contains("The window ends before it starts.", "value=\"Vovchansk\"");

        Page flow = agency.post(base + "/funding", base + "/funding", "donor", "Norway", "recipient", "UNICEF", "flow", "PLEDGE",
                "amountUsd", "-10", "date", "2026-03-01");
        assertThat(flow.status()).isEqualTo(400);
        assertThat(flow.body()).contains("The amount must be more than zero.", "value=\"Norway\"");

        long exchange = jdbc.sql("SELECT min(id) FROM hum_exchange WHERE process_id = ?").param(pid).query(Long.class).single();
        long icrc = jdbc.sql("SELECT id FROM hum_organisation WHERE process_id = ? AND acronym = 'ICRC'").param(pid).query(Long.class).single();
        Page round = agency.post(base + "/exchanges", base + "/exchanges/" + exchange + "/rounds", "heldOn", "2026-01-10",
                "releasedA", "100000", "releasedB", "1", "verifiedById", String.valueOf(icrc));
        assertThat(round.status()).isEqualTo(400);
        assertThat(round.body()).contains("More than agreed: at most", "value=\"100000\"");
        assertThat(new Web("en").get(base + "/exchanges").body()).doesNotContain("Record a round", "Record an agreed exchange");

        long ua = jdbc.sql("SELECT id FROM party WHERE process_id = ? AND short_name = 'UA'").param(pid).query(Long.class).single();
        Page same = new Web("en").signIn("mediator@demo.parley").post(base + "/exchanges", base + "/exchanges/new", "kind", "CIVILIANS",
                "title", "Civilians for civilians", "sideAPartyId", String.valueOf(ua), "sideBPartyId", String.valueOf(ua), "agreedA", "10", "agreedB", "10");
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.body()).contains("The two sides must be different parties.", "value=\"Civilians for civilians\"");
    }

    @Test
    void agenciesCorrectActivitiesNeedsAndDeliveriesOnThePages() {
        Web agency = new Web("en").signIn("humanitarian@demo.parley");
        long activity = jdbc.sql("SELECT min(id) FROM hum_activity WHERE process_id = ? AND delivery_id IS NULL").param(pid).query(Long.class).single();
        String edit = base + "/activities/" + activity + "/edit";
        assertThat(agency.get(base + "/activities").body()).contains(edit);
        assertThat(new Web("en").get(base + "/activities").body()).doesNotContain(edit);
        assertThat(new Web("en").signIn("delegate.ua@demo.parley").get(edit).status()).isEqualTo(403);
        Page form = agency.get(edit);
        assertThat(form.status()).isEqualTo(200);
        String current = jdbc.sql("SELECT activity FROM hum_activity WHERE id = ?").param(activity).query(String.class).single();
        assertThat(form.body()).contains("Correct an activity", "value=\"" + current + "\"");
        String[] good = {"organisationId", orgId("WFP"), "sector", "FOOD_SECURITY", "activity", "Monthly food rations (corrected)", "areaPcode", "UA1402",
                "periodStart", "2026-01-01", "periodEnd", "2026-01-31", "peopleReached", "-7", "status", "ONGOING"};
        Page bad = agency.post(edit, edit, good);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("This cannot be negative.", "value=\"Monthly food rations (corrected)\"", "value=\"UA1402\" selected=\"selected\"");
        good[13] = "440000";
        Page saved = agency.post(edit, edit, good);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(agency.get(base + "/activities").body()).contains("The activity was corrected.", "Monthly food rations (corrected)", "Bakhmutskyi, Donetsk Oblast");

        long need = jdbc.sql("SELECT min(id) FROM hum_need WHERE process_id = ?").param(pid).query(Long.class).single();
        String needEdit = base + "/needs/" + need + "/edit";
        Page badNeed = agency.post(needEdit, needEdit, "areaPcode", "UA14", "sector", "FOOD_SECURITY", "peopleInNeed", "100", "peopleTargeted", "200",
                "periodStart", "2026-01-01", "periodEnd", "2026-12-31", "source", "Reassessment 3");
        assertThat(badNeed.status()).isEqualTo(400);
        assertThat(badNeed.body()).contains("More people are targeted than are in need.", "value=\"Reassessment 3\"");

        long delivery = jdbc.sql("SELECT min(id) FROM hum_delivery WHERE process_id = ?").param(pid).query(Long.class).single();
        String deliveryEdit = base + "/deliveries/" + delivery + "/edit";
        assertThat(agency.get(base + "/deliveries/" + delivery).body()).contains(deliveryEdit, "Change the plan");
        Page noReason = agency.post(deliveryEdit, deliveryEdit, "organisationId", orgId("WFP"), "title", "Food convoy to Kharkiv", "sector",
                "FOOD_SECURITY", "origin", "Dnipro warehouse", "destination", "Kharkiv", "destinationPcode", "UA63", "route", "Dnipro – Kharkiv (E40)",
                "peopleToReach", "25000", "plannedDeparture", "2030-01-01T08:00", "plannedArrival", "2030-01-01T17:00",
                "cargo[0].commodity", "Wheat flour", "cargo[0].quantity", "100", "cargo[0].unit", "t");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("Say why the plan changes.", "Kharkiv (E40)</textarea>");
    }

    @Test
    void anHxlFileIsUploadedOnThePageAndItsProblemsListedByColumnAndRow() {
        Web agency = new Web("en").signIn("humanitarian@demo.parley");
        long before = jdbc.sql("SELECT count(*) FROM hum_activity WHERE process_id = ?").param(pid).query(Long.class).single();
        String bad = "\uFEFFOrg,Where,What,When,Reached\n#org,#adm1+code,#activity,#date,#reached\nWFP,UA63,Kits,2026-03-01,-4\nWFP,UA00,Kits,2026-03-01,5\n";
        Page refused = agency.upload(base + "/activities", base + "/activities/import", "4w-march.csv", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Nothing was imported", "In the file 4w-march.csv:", "#sector: The file has no column tagged #sector.");
        String withRows = "#org,#sector,#adm1+code,#activity,#date,#reached\nWFP,Health,UA63,Kits,2026-03-01,-4\nWFP,Health,UA00,Kits,2026-03-01,5\n";
        refused = agency.upload(base + "/activities", base + "/activities/import", "4w-march.csv", withRows);
        assertThat(refused.body()).contains("row 2 #reached: This cannot be negative.", "row 3 #adm1+code: Unknown P-code “UA00”.");
        assertThat(jdbc.sql("SELECT count(*) FROM hum_activity WHERE process_id = ?").param(pid).query(Long.class).single()).isEqualTo(before);

        Page done = agency.upload(base + "/activities", base + "/activities/import", "4w-march.csv",
                "\uFEFF#org,#sector,#adm2+code,#activity,#date,#reached\nWFP,Health,UA6312,Kits,2026-03-01,40\nWFP,Health,UA6312,Clinics,2026-03-02,60\n");
        assertThat(done.status()).isEqualTo(302);
        assertThat(agency.get(base + "/activities").body()).contains("2 activities were imported.");
        assertThat(jdbc.sql("SELECT count(*) FROM hum_activity WHERE process_id = ?").param(pid).query(Long.class).single()).isEqualTo(before + 2);
        Page empty = agency.upload(base + "/activities", base + "/activities/import", "empty.csv", "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("Choose a file or paste the CSV.");
    }

    private String orgId(String acronym) {
        return String.valueOf(jdbc.sql("SELECT id FROM hum_organisation WHERE process_id = ? AND acronym = ?").params(pid, acronym).query(Long.class).single());
    }

    record Page(int status, String location, String body) {
    }

    final class Web {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        private final String language;

        Web(String language) {
            this.language = language;
        }

        Web signIn(String email) {
            Page p = post("/login", "/login", "username", email, "password", ParleyTest.DEMO_PASSWORD);
            assertThat(p.status()).isEqualTo(302);
            assertThat(p.location()).doesNotContain("error");
            return this;
        }

        Page get(String path) {
            return send(request(path).GET().build());
        }

        Page post(String formPage, String action, String... fields) {
            Matcher csrf = CSRF.matcher(get(formPage).body());
            assertThat(csrf.find()).as("a CSRF token on " + formPage).isTrue();
            StringBuilder body = new StringBuilder("_csrf=").append(enc(csrf.group(1)));
            for (int i = 0; i + 1 < fields.length; i += 2) {
                body.append('&').append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
            }
            return send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        }

        /** Posts a multipart form with one file, as a browser's file input sends it. */
        Page upload(String formPage, String action, String fileName, String content) {
            Matcher csrf = CSRF.matcher(get(formPage).body());
            assertThat(csrf.find()).as("a CSRF token on " + formPage).isTrue();
            String boundary = "----parley" + System.nanoTime();
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf.group(1) + "\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csv\"\r\n\r\n\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
            return send(request(action).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "text/html").header("Accept-Language", language);
        }

        private Page send(HttpRequest request) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Page(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
            } catch (Exception e) {
                throw new IllegalStateException(request.method() + " " + request.uri(), e);
            }
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
