package org.parley.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.platform.Accounts;
import org.parley.platform.Role;
import org.parley.roadmap.Milestone;
import org.parley.roadmap.Roadmap;
import org.parley.support.ParleyTest;
import org.parley.support.Web;
import org.parley.support.Web.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The server-rendered pages over real HTTP, as a browser without JavaScript would use them: every page
 * renders for the public and for a mediator, forms keep what was typed and say what is wrong, restricted
 * minutes stay restricted, and the interface speaks Ukrainian and Russian. Runs against the shared test
 * database, so it finds the demo process by name and makes its own data where it changes anything.
 */
@ParleyTest
class PagesTest {

    static final String DEMO = "Dialogue on ending the war in Ukraine";

    @LocalServerPort
    int port;

    @Autowired
    Processes processes;

    @Autowired
    Roadmap roadmap;

    @Autowired
    Accounts accounts;

    long pid;

    @BeforeEach
    void findTheDemo() {
        pid = processes.all().stream().filter(p -> p.name().equals(DEMO)).mapToLong(Process::id).min().orElseThrow();
    }

    @Test
    void everyPageRendersForThePublicAndForAMediator() {
        long track = trackId("Humanitarian assistance");
        long session = sessionId("Opening session on de-escalation");
        long milestone = milestoneId("Humanitarian aid framework");
        String p = "/processes/" + pid;
        List<String> publicPages = List.of("/", "/login", p, p + "/roadmap", p + "/roadmap?track=" + track, p + "/parties",
                p + "/tracks", p + "/tracks/" + track, p + "/sessions", p + "/sessions/" + session, p + "/milestones/" + milestone);
        Web anonymous = new Web(port, "en");
        for (String page : publicPages) {
            assertThat(anonymous.get(page).status()).as(page).isEqualTo(200);
        }
        assertThat(anonymous.get(p + "/milestones/new").status()).as("a form, to the public").isEqualTo(302);
        assertThat(anonymous.get("/processes/999999999").status()).isEqualTo(404);
        assertThat(anonymous.get("/processes/999999999").body()).contains("Not found");

        Web mediator = new Web(port, "en").signIn("mediator@demo.parley");
        List<String> mediatorPages = new ArrayList<>(publicPages.stream().filter(page -> !page.equals("/login")).toList());
        mediatorPages.addAll(List.of("/account", "/accounts", "/processes/new", p + "/edit", p + "/parties/new", p + "/tracks/new",
                p + "/sessions/new", p + "/sessions/" + session + "/outcome", p + "/milestones/new", p + "/milestones/" + milestone + "/edit"));
        for (String page : mediatorPages) {
            Page r = mediator.get(page);
            assertThat(r.status()).as(page).isEqualTo(200);
            assertThat(r.body()).as(page).contains("Amina Haddad").doesNotContain("??");
        }
        // A mediator of the process sees the status form; the public does not.
        assertThat(mediator.get(p + "/milestones/" + milestone).body()).contains("Change the status");
        assertThat(anonymous.get(p + "/milestones/" + milestone).body()).doesNotContain("Change the status").contains("Status history");
        // The timeline alone, for htmx to swap in place.
        Page fragment = anonymous.get(p + "/roadmap?track=" + track, "HX-Request", "true");
        assertThat(fragment.body()).contains("id=\"timeline-region\"", "<svg").doesNotContain("<html");
    }

    @Test
    void aMilestoneFormWithMistakesComesBackWithTheInputKeptAndAMessageByEachField() {
        Web mediator = new Web(port, "en").signIn("mediator@demo.parley");
        String form = "/processes/" + pid + "/milestones/new";
        long us = partyId("US");

        Page empty = mediator.post(form, form, "title", "", "description", "Keep this description", "dueKind", "DATE",
                "dueDate", "2026-13-45", "partyIds", String.valueOf(us));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("Please correct the marked fields", "Fill this in.", "Enter a valid date.",
                "Keep this description", "value=\"2026-13-45\"");
        assertThat(empty.body()).containsPattern("value=\"" + us + "\"[^>]*checked");

        Page noOffset = mediator.post(form, form, "title", "Offset missing", "dueKind", "AFTER_MILESTONE", "offsetAmount", "");
        assertThat(noOffset.status()).isEqualTo(400);
        assertThat(noOffset.body()).contains("Enter the offset", "Choose the milestone it follows", "value=\"Offset missing\"");

        // The ceasefire cannot depend on the aid framework, which depends on it.
        long ceasefire = milestoneId("Initial ceasefire agreement");
        long aid = milestoneId("Humanitarian aid framework");
        String edit = "/processes/" + pid + "/milestones/" + ceasefire + "/edit";
        Page cycle = mediator.post(edit, edit, "title", "Initial ceasefire agreement (renamed?)", "dueKind", "AFTER_START",
                "offsetAmount", "2", "offsetUnit", "MONTHS", "dependsOn", String.valueOf(aid));
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.body()).contains("would create a cycle", "value=\"Initial ceasefire agreement (renamed?)\"");
        assertThat(roadmap.milestone(pid, ceasefire).title()).isEqualTo("Initial ceasefire agreement");

        Page ok = mediator.post(form, form, "title", "Pages test milestone " + UUID.randomUUID(), "dueKind", "AFTER_MILESTONE",
                "offsetAmount", "10", "offsetUnit", "DAYS", "anchorMilestoneId", String.valueOf(aid));
        assertThat(ok.status()).isEqualTo(302);
        Page created = mediator.get(ok.location());
        assertThat(created.body()).contains("10 days after «Humanitarian aid framework» is completed", "projected");
    }

    @Test
    void completingAMilestoneWhoseDependenciesAreOpenIsRefusedWithTheReasonOnTop() {
        Web mediator = new Web(port, "en").signIn("mediator@demo.parley");
        Page created = mediator.post("/processes/new", "/processes/new", "name", "Pages test process " + UUID.randomUUID(),
                "description", "", "startDate", "2026-01-10", "status", "ACTIVE", "languages", "en", "languages", "uk");
        assertThat(created.status()).isEqualTo(302);
        String base = created.location().replaceFirst("^https?://[^/]+", "");
        String newMilestone = base + "/milestones/new";
        mediator.post(newMilestone, newMilestone, "title", "First step", "dueKind", "AFTER_START", "offsetAmount", "1", "offsetUnit", "MONTHS");
        long first = roadmapOf(base).stream().filter(m -> m.title().equals("First step")).findFirst().orElseThrow().id();
        Page second = mediator.post(newMilestone, newMilestone, "title", "Second step", "dueKind", "AFTER_START", "offsetAmount", "2",
                "offsetUnit", "MONTHS", "dependsOn", String.valueOf(first));
        String page = second.location().replaceFirst("^https?://[^/]+", "");

        Page refused = mediator.post(page, page + "/status", "status", "COMPLETED", "reason", "Signed", "evidence", "Text");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("The status was not changed", "these milestones are still open: First step.",
                ">Signed</textarea>", ">Text</textarea>");

        Page noReason = mediator.post(page, page + "/status", "status", "IN_PROGRESS", "reason", " ");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("Fill this in.");

        Page started = mediator.post(page, page + "/status", "status", "IN_PROGRESS", "reason", "Talks began", "evidence", "Joint statement");
        assertThat(started.status()).isEqualTo(302);
        Page after = mediator.get(started.location());
        assertThat(after.body()).contains("The status is now “In progress”.", "Talks began", "Joint statement", "SHA-256");
    }

    @Test
    void aLongRoadmapIsDrawnFiftyMilestonesAPage() {
        Web mediator = new Web(port, "en").signIn("mediator@demo.parley");
        Page created = mediator.post("/processes/new", "/processes/new", "name", "Long roadmap " + UUID.randomUUID(),
                "description", "", "startDate", "2026-01-10", "status", "ACTIVE", "languages", "en");
        String base = created.location().replaceFirst("^https?://[^/]+", "");
        long process = Long.parseLong(base.substring(base.lastIndexOf('/') + 1));
        var account = accounts.findByEmail("mediator@demo.parley").orElseThrow();
        var viewer = new org.parley.platform.Viewer(account.id(), account.email(), account.displayName(), Role.MEDIATOR, null);
        for (int i = 1; i <= 55; i++) {
            roadmap.create(process, new org.parley.roadmap.NewMilestone("Step %03d".formatted(i), null, null, org.parley.roadmap.DueKind.AFTER_START,
                    null, i, org.parley.roadmap.OffsetUnit.DAYS, null, List.of(), List.of()), viewer);
        }
        Page first = mediator.get(base + "/roadmap");
        assertThat(first.body()).contains("Milestones 1–50 of 55", "Later milestones", "Step 001", "Step 050")
                .doesNotContain("Step 051", "Earlier milestones");
        Page second = mediator.get(base + "/roadmap?page=2");
        assertThat(second.body()).contains("Milestones 51–55 of 55", "Step 051", "Step 055", "Earlier milestones")
                .doesNotContain("Step 050", "Later milestones");
        assertThat(new Web(port, "en").get(base + "/roadmap?page=999").body()).as("past the end: the last page").contains("Step 055");
    }

    @Test
    void aDelegateOfAPartyNotAtTheTableDoesNotSeeMinutesSharedWithTheParties() {
        Web mediator = new Web(port, "en").signIn("mediator@demo.parley");
        long track = trackId("Humanitarian assistance");
        String newSession = "/processes/" + pid + "/sessions/new";
        String title = "Pages test session " + UUID.randomUUID();
        Page planned = mediator.post(newSession, newSession, "trackId", String.valueOf(track), "title", title,
                "startsAt", "2026-02-01T09:00", "endsAt", "2026-02-01T08:00", "minutesVisibility", "PARTIES");
        assertThat(planned.status()).as("ends before it starts").isEqualTo(400);
        assertThat(planned.body()).contains("The end must come after the start", "value=\"" + title + "\"");
        planned = mediator.post(newSession, newSession, "trackId", String.valueOf(track), "title", title,
                "startsAt", "2026-02-01T09:00", "endsAt", "2026-02-01T12:30", "agenda", "Corridors\nNotification", "minutesVisibility", "PARTIES");
        assertThat(planned.status()).isEqualTo(302);
        String session = planned.location().replaceFirst("^https?://[^/]+", "");
        assertThat(mediator.get(session).body()).contains("1 February 2026, 09:00", "12:30", "UTC", "Corridors");

        long ua = partyId("UA");
        String secret = "Confidential minutes " + UUID.randomUUID();
        List<String> outcome = new ArrayList<>(List.of("minutesVisibility", "PARTIES", "outcome", "Agreed on corridors", "minutes", secret,
                "actions[0].description", "Draft a notification procedure", "actions[0].responsiblePartyId", String.valueOf(ua),
                "actions[0].dueDate", "2026-02-15"));
        List<Long> seated = processes.track(pid, track).partyIds();
        for (int i = 0; i < seated.size(); i++) {
            outcome.addAll(List.of("attendance[" + i + "].partyId", String.valueOf(seated.get(i))));
            if (seated.get(i) == ua) {
                outcome.addAll(List.of("attendance[" + i + "].present", "true", "attendance[" + i + "].delegates", "Deputy minister"));
            }
        }
        Page recorded = mediator.post(session + "/outcome", session + "/outcome", outcome.toArray(String[]::new));
        assertThat(recorded.status()).isEqualTo(302);
        assertThat(mediator.get(session).body()).contains(secret, "Draft a notification procedure", "Deputy minister");

        long imm = partyId("IMM");
        assertThat(seated).doesNotContain(imm);
        String email = "imm." + UUID.randomUUID() + "@test.parley";
        accounts.create(new Accounts.NewAccount(email, "IMM delegate", "a-long-password-1", Role.DELEGATE, imm));
        Page outsider = new Web(port, "en").signIn(email, "a-long-password-1").get(session);
        assertThat(outsider.status()).isEqualTo(200);
        assertThat(outsider.body()).doesNotContain(secret).doesNotContain("Agreed on corridors")
                .contains("shared only with the delegations of the parties at this track’s table", "Deputy minister");
        Page member = new Web(port, "en").signIn("delegate.ua@demo.parley").get(session);
        assertThat(member.body()).contains(secret, "Agreed on corridors");
        assertThat(new Web(port, "en").get(session).body()).doesNotContain(secret);
    }

    @Test
    void aMediatorSetsUpPartiesTracksAccountsAndTokens() {
        Web mediator = new Web(port, "en").signIn("mediator@demo.parley");
        Page created = mediator.post("/processes/new", "/processes/new", "name", "Pages setup process " + UUID.randomUUID(),
                "startDate", "2026-03-01", "status", "PREPARATION", "languages", "en");
        assertThat(created.status()).isEqualTo(302);
        String base = created.location().replaceFirst("^https?://[^/]+", "");

        String newParty = base + "/parties/new";
        assertThat(mediator.post(newParty, newParty, "kind", "STATE", "role", "CONFLICT_PARTY", "shortName", "AA",
                "nameEn", "Atlantis", "nameUk", "Атлантида", "nameRu", "Атлантида").status()).isEqualTo(302);
        assertThat(mediator.post(newParty, newParty, "kind", "STATE", "role", "CONFLICT_PARTY", "shortName", "BB",
                "nameEn", "Borduria", "nameUk", "Бордурія", "nameRu", "Бордурия").status()).isEqualTo(302);
        Page blank = mediator.post(newParty, newParty, "kind", "STATE", "role", "GUARANTOR", "shortName", "aa",
                "nameEn", "Another", "nameUk", "", "nameRu", "Другая");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("Fill this in.", "value=\"Another\"");
        Page taken = mediator.post(newParty, newParty, "kind", "STATE", "role", "GUARANTOR", "shortName", "aa",
                "nameEn", "Another", "nameUk", "Інша", "nameRu", "Другая");
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body()).contains("already has this short name");
        Page parties = mediator.get(base + "/parties");
        assertThat(parties.body()).contains("Atlantis", "Borduria", "Party to the conflict");

        long processId = Long.parseLong(base.substring(base.lastIndexOf('/') + 1));
        List<Party> both = processes.parties(processId);
        String newTrack = base + "/tracks/new";
        Page lonely = mediator.post(newTrack, newTrack, "name", "Border talks", "partyIds", String.valueOf(both.get(0).id()));
        assertThat(lonely.status()).isEqualTo(400);
        assertThat(lonely.body()).contains("Choose at least two parties.", "value=\"Border talks\"");
        Page track = mediator.post(newTrack, newTrack, "name", "Border talks", "partyIds", String.valueOf(both.get(0).id()),
                "partyIds", String.valueOf(both.get(1).id()));
        assertThat(track.status()).isEqualTo(302);
        assertThat(mediator.get(track.location()).body()).contains("Border talks", "Bilateral", "Atlantis");

        Page noParty = mediator.post("/accounts", "/accounts", "email", "nobody-" + UUID.randomUUID() + "@test.parley",
                "displayName", "A delegate of nobody", "password", "a-long-password-1", "role", "DELEGATE");
        assertThat(noParty.status()).isEqualTo(400);
        assertThat(noParty.body()).contains("A delegate’s account names a party", "value=\"A delegate of nobody\"")
                .doesNotContain("a-long-password-1");
        String email = "aa-" + UUID.randomUUID() + "@test.parley";
        Page delegate = mediator.post("/accounts", "/accounts", "email", email, "displayName", "Atlantis delegate",
                "password", "a-long-password-1", "role", "DELEGATE", "partyId", String.valueOf(both.get(0).id()));
        assertThat(delegate.status()).isEqualTo(302);
        assertThat(mediator.get("/accounts").body()).contains(email, "AA — Atlantis");

        Web atlantis = new Web(port, "en").signIn(email, "a-long-password-1");
        assertThat(atlantis.get("/account").body()).contains("Atlantis delegate", "Delegate", "AA — Atlantis");
        Page issued = atlantis.post("/account", "/account/tokens", "name", "Reporting script");
        assertThat(issued.status()).isEqualTo(200);
        Matcher token = Pattern.compile("id=\"new-token\">(parley_[A-Za-z0-9_-]+)<").matcher(issued.body());
        assertThat(token.find()).isTrue();
        Page again = atlantis.get("/account");
        assertThat(again.body()).contains("Reporting script").doesNotContain(token.group(1));
        Matcher id = Pattern.compile("data-token-id=\"(\\d+)\"").matcher(again.body());
        assertThat(id.find()).isTrue();
        Page revoked = atlantis.post("/account", "/account/tokens/" + id.group(1) + "/revoke");
        assertThat(revoked.status()).isEqualTo(302);
        assertThat(atlantis.get("/account").body()).contains("The token was revoked.", "You have no API tokens.");
        assertThat(atlantis.get("/accounts").status()).as("accounts are the mediators’").isEqualTo(403);
    }

    @Test
    void theInterfaceSpeaksUkrainianAndRussian() {
        String roadmapPage = "/processes/" + pid + "/roadmap";
        Page uk = new Web(port, "uk").get(roadmapPage);
        assertThat(uk.body()).contains("lang=\"uk\"", "Дорожня карта", "Відповідальні сторони", "Заплановано", "Сьогодні");
        Page ru = new Web(port, "ru").get(roadmapPage);
        assertThat(ru.body()).contains("lang=\"ru\"", "Дорожная карта", "Ответственные стороны", "Запланировано");
        // Party names in the reader's language, month names too.
        assertThat(new Web(port, "uk").get("/processes/" + pid + "/parties").body()).contains("Україна", "Сполучені Штати Америки", "Сторона конфлікту");
        assertThat(new Web(port, "ru").get("/processes/" + pid + "/parties").body()).contains("Украина", "Российская Федерация", "Гарант");

        // The language switch remembers the choice for the public in a cookie and returns to the page.
        Web reader = new Web(port, "en");
        Page en = reader.get(roadmapPage);
        assertThat(en.body()).contains("Roadmap");
        Page switched = reader.post(roadmapPage, "/language", "lang", "ru", "back", roadmapPage);
        assertThat(switched.status()).isEqualTo(302);
        assertThat(switched.location()).endsWith(roadmapPage);
        assertThat(reader.get(roadmapPage).body()).contains("Дорожная карта");
        // Validation messages follow the language (a fresh mediator, so that no demo account changes its language).
        String email = "mediator." + UUID.randomUUID() + "@test.parley";
        accounts.create(new Accounts.NewAccount(email, "Ukrainian-speaking mediator", "a-long-password-1", Role.MEDIATOR, null));
        Web mediator = new Web(port, "uk").signIn(email, "a-long-password-1");
        Page invalid = mediator.post("/processes/new", "/processes/new", "name", " ", "description", "Опис зберігається",
                "startDate", "2026-02-30", "status", "ACTIVE", "_languages", "on");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("Новий процес", "Заповніть це поле.", "Уведіть правильну дату.", "Виберіть хоча б одне.",
                "Опис зберігається");
    }

    // --- helpers

    private long trackId(String name) {
        return processes.tracks(pid).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().id();
    }

    private long partyId(String shortName) {
        return processes.parties(pid).stream().filter(p -> p.shortName().equals(shortName)).findFirst().orElseThrow().id();
    }

    private long sessionId(String title) {
        return processes.sessions(pid, org.parley.platform.Viewer.anonymous()).stream().filter(s -> s.title().equals(title))
                .findFirst().orElseThrow().id();
    }

    private long milestoneId(String title) {
        return roadmap.milestones(pid).stream().filter(m -> m.title().equals(title)).findFirst().orElseThrow().id();
    }

    private List<Milestone> roadmapOf(String processPath) {
        return roadmap.milestones(Long.parseLong(processPath.substring(processPath.lastIndexOf('/') + 1)));
    }
}
