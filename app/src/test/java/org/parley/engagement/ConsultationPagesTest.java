package org.parley.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.platform.Accounts;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Process;
import org.parley.process.Processes;
import org.parley.support.ParleyTest;
import org.parley.support.Web;
import org.parley.support.Web.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The consultation pages over real HTTP, as a browser without JavaScript (and with htmx) uses them:
 * they render in three languages, the public votes with a cookie and no account, forms keep what
 * was typed and say what is wrong, and organisers' pages stay theirs.
 */
@ParleyTest
class ConsultationPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    Processes processes;

    @Autowired
    Consultations consultations;

    @Autowired
    Demographics demographics;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    long pid;
    Consultation open;
    String base;

    private Web web(String language) {
        return new Web(port, language);
    }

    private Viewer mediator() {
        Accounts.Account m = accounts.findByEmail("mediator@demo.parley").orElseThrow();
        return new Viewer(m.id(), m.email(), m.displayName(), Role.MEDIATOR, null);
    }

    @BeforeEach
    void aConsultation() {
        pid = processes.all().stream().filter(p -> p.name().equals("Dialogue on ending the war in Ukraine")).mapToLong(Process::id).min().orElseThrow();
        Instant now = Instant.now();
        open = consultations.create(pid, new NewConsultation("Pages test " + System.nanoTime(), "Context", List.of("en", "uk", "ru"),
                now.minusSeconds(60), now.plusSeconds(86_400), Consultation.Moderation.BEFORE, false,
                List.of("The first statement", "The second statement")), mediator());
        base = "/processes/" + pid + "/consultations/" + open.id();
    }

    @Test
    void thePagesRenderInThreeLanguagesAndOrganisersPagesStayTheirs() {
        for (String lang : List.of("en", "uk", "ru")) {
            Web web = web(lang);
            for (String page : List.of("/processes/" + pid + "/consultations", base, base + "/report")) {
                assertThat(web.get(page).status()).as(lang + " " + page).isEqualTo(200);
            }
        }
        assertThat(web("uk").get(base + "/report").body()).contains("Спільне", "Групи думок", "Відкриті дані");
        assertThat(web("ru").get(base).body()).contains("Согласен", "Не согласен", open.question());
        assertThat(web("en").get("/processes/" + pid + "/consultations").body()).contains(open.question());
        // organisers' pages: to the public, a sign-in; to the mediator, the page
        assertThat(web("en").get(base + "/moderation").status()).isEqualTo(302);
        Web mediator = web("en").signIn("mediator@demo.parley");
        assertThat(mediator.get(base + "/moderation").status()).isEqualTo(200);
        assertThat(mediator.get("/processes/" + pid + "/consultations/new").status()).isEqualTo(200);
        assertThat(web("en").get("/processes/" + pid + "/consultations/999999999").status()).isEqualTo(404);
    }

    @Test
    void thePublicVotesWithACookieWithAndWithoutHtmx() {
        Web visitor = web("en");
        List<Long> ids = consultations.statements(pid, open.id()).stream().map(Statement::id).toList();
        // a plain form post: counted, then back to the page
        Page plain = visitor.post(base, base + "/vote", "statementId", String.valueOf(ids.get(0)), "vote", "AGREE");
        assertThat(plain.status()).isEqualTo(302);
        // htmx: the next card comes back in place
        Page card = visitor.post(base, base + "/vote", List.of("HX-Request", "true"), "statementId", String.valueOf(ids.get(1)), "vote", "DISAGREE");
        assertThat(card.status()).isEqualTo(200);
        assertThat(card.body()).contains("id=\"vote-card\"").contains("You have voted on every statement").doesNotContain("<html");
        assertThat(jdbc.sql("SELECT vote FROM consultation_vote v JOIN consultation_participant p ON p.id = v.participant_id "
                + "WHERE p.consultation_id = ? ORDER BY v.statement_id").param(open.id()).query(Integer.class).list()).containsExactly(1, -1);
        // a bad vote says why, in the card
        Page bad = visitor.post(base, base + "/vote", List.of("HX-Request", "true"), "statementId", "999999999", "vote", "AGREE");
        assertThat(bad.body()).contains("cannot be voted on");
        // a statement: empty is refused with the typed form kept; a real one waits for moderation
        Page empty = visitor.post(base, base + "/statements", "text", "   ", "language", "en");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("Write the statement.");
        Page tooLong = visitor.post(base, base + "/statements", "text", "y".repeat(281), "language", "en");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("at most 280 characters").contains("y".repeat(281));
        Page ok = visitor.post(base, base + "/statements", "text", "A statement from the page", "language", "uk");
        assertThat(ok.status()).isEqualTo(302);
        assertThat(visitor.get(base).body()).contains("will appear once a moderator accepts it");
        assertThat(jdbc.sql("SELECT status || ':' || language FROM consultation_statement WHERE consultation_id = ? AND text = ?")
                .params(open.id(), "A statement from the page").query(String.class).single()).isEqualTo("PENDING:uk");
    }

    @Test
    void theOrganisersFormKeepsWhatWasTypedAndSaysWhatIsWrong() {
        Web mediator = web("en").signIn("mediator@demo.parley");
        String form = "/processes/" + pid + "/consultations/new";
        Page bad = mediator.post(form, form, "question", "Kept question", "languages", "en", "opensAt", "2026-05-02T10:00",
                "closesAt", "2026-05-01T10:00", "moderation", "AFTER", "seedStatements", "Seed one\nSeed two");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("The consultation must close after it opens.").contains("Kept question").contains("Seed two");
        Page noTime = mediator.post(form, form, "question", "Q", "languages", "en", "opensAt", "tomorrow", "closesAt", "", "moderation", "AFTER");
        assertThat(noTime.status()).isEqualTo(400);
        assertThat(noTime.body()).contains("Enter a date and time");
        Page good = mediator.post(form, form, "question", "A page-made consultation " + System.nanoTime(), "languages", "en", "languages", "ru",
                "opensAt", "2026-01-01T10:00", "closesAt", "2099-01-01T10:00", "moderation", "BEFORE", "seedStatements", "Seed one\n\nSeed two\n");
        assertThat(good.status()).isEqualTo(302);
        long id = Long.parseLong(good.location().substring(good.location().lastIndexOf('/') + 1));
        assertThat(consultations.statements(pid, id)).extracting(Statement::text).containsExactly("Seed one", "Seed two");
        // moderation from the page: rejecting without a reason is refused, with one it works
        long pending = consultations.submit(pid, id, null, new NewStatement("From the organiser", "en"), mediator()).id();
        String moderation = "/processes/" + pid + "/consultations/" + id + "/moderation";
        mediator.post(moderation, "/processes/" + pid + "/consultations/" + id + "/statements/" + pending + "/moderation", "accept", "false", "reason", "");
        assertThat(mediator.get(moderation).body()).contains("Give a reason for rejecting the statement.");
        mediator.post(moderation, "/processes/" + pid + "/consultations/" + id + "/statements/" + pending + "/moderation", "accept", "false", "reason", "Duplicate");
        assertThat(mediator.get(moderation).body()).contains("Duplicate");
    }

    @Test
    void closedByEmailThePublicAsksForALinkAndConfirmsItOnThePages() {
        Web mediator = web("en").signIn("mediator@demo.parley");
        String form = "/processes/" + pid + "/consultations/new";
        // the organiser's form: who may take part, and demographic questions one per line (a bad line is kept and explained)
        Page bad = mediator.post(form, form, "question", "Panel " + System.nanoTime(), "languages", "en", "languages", "uk", "opensAt", "2026-01-01T10:00",
                "closesAt", "2099-01-01T10:00", "moderation", "AFTER", "access", "EMAIL", "seedStatements", "Seed one\nSeed two",
                "demographics", "Age | under 30 | 30 or older\nRegion | only one");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("The question “Region” needs between 2 and 12 answers").contains("Region | only one");
        Page good = mediator.post(form, form, "question", "Panel " + System.nanoTime(), "languages", "en", "languages", "uk", "opensAt", "2026-01-01T10:00",
                "closesAt", "2099-01-01T10:00", "moderation", "AFTER", "access", "EMAIL", "seedStatements", "Seed one\nSeed two",
                "demographics", "Age | under 30 | 30 or older");
        assertThat(good.status()).isEqualTo(302);
        long id = Long.parseLong(good.location().substring(good.location().lastIndexOf('/') + 1));
        String page = "/processes/" + pid + "/consultations/" + id;
        assertThat(consultations.get(pid, id).access()).isEqualTo(Consultation.Access.EMAIL);

        Web visitor = web("en");
        assertThat(visitor.get(page).body()).contains("Send me a link").contains("take part once you have joined").doesNotContain("consult-statement");
        Page wrong = visitor.post(page, page + "/email", "email", "jane@@example");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("Enter a valid e-mail address").contains("value=\"jane@@example\"");
        Page sent = visitor.post(page, page + "/email", "email", "jane.pages@example.org");
        assertThat(sent.status()).isEqualTo(302);
        assertThat(visitor.get(page).body()).contains("Check your mail");
        String body = jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = 'jane.pages@example.org' ORDER BY id DESC LIMIT 1").query(String.class).single();
        Matcher link = Pattern.compile("(/processes/\\d+/consultations/\\d+/verify)\\?t=([A-Za-z0-9_-]+)").matcher(body);
        assertThat(link.find()).as(body).isTrue();
        String verify = link.group(1) + "?t=" + link.group(2);
        // opening the link (as a mail scanner would) changes nothing; the button does
        assertThat(web("uk").get(verify).body()).contains("Підтвердити й долучитися");
        Page confirmPage = visitor.get(verify);
        assertThat(confirmPage.body()).contains("Confirm and take part");
        Page confirmed = visitor.post(verify, link.group(1), "t", link.group(2));
        assertThat(confirmed.status()).isEqualTo(302);
        String joined = visitor.get(page).body();
        assertThat(joined).contains("Your address is confirmed").contains("consult-statement").contains("About you (optional)");
        long statement = consultations.statements(pid, id).getFirst().id();
        assertThat(visitor.post(page, page + "/vote", "statementId", String.valueOf(statement), "vote", "AGREE").status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_vote WHERE consultation_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
        // the link works once
        Page again = web("en").post(verify, link.group(1), "t", link.group(2));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("This link was already used");
    }

    @Test
    void demographicQuestionsAreAnsweredOnceFromThePage() {
        Instant now = Instant.now();
        Consultation c = consultations.create(pid, new NewConsultation("Demographics page " + System.nanoTime(), "", List.of("en", "uk", "ru"),
                now.minusSeconds(60), now.plusSeconds(86_400), Consultation.Moderation.AFTER, false, List.of("S"), null,
                List.of(new NewQuestion("Age", List.of("under 30", "30 or older")), new NewQuestion("Region", List.of("north", "south")))), mediator());
        String page = "/processes/" + pid + "/consultations/" + c.id();
        List<Question> questions = demographics.questions(pid, c.id());
        String age = "q" + questions.get(0).id();
        String region = "q" + questions.get(1).id();
        Web visitor = web("en");
        assertThat(visitor.get(page).body()).contains("About you (optional)").contains("Prefer not to say").contains("30 or older");
        assertThat(web("ru").get(page).body()).contains("О вас (необязательно)");
        Page badOption = visitor.post(page, page + "/demographics", age, "7", region, "");
        assertThat(badOption.status()).isEqualTo(400);
        assertThat(badOption.body()).contains("Choose one of the answers to “Age”");
        // "prefer not to say" on the region: only the age is stored, and only the region is still asked
        assertThat(visitor.post(page, page + "/demographics", age, "1", region, "").status()).isEqualTo(302);
        String after = visitor.get(page).body();
        assertThat(after).contains("Your answers are saved").contains("name=\"" + region + "\"").doesNotContain("name=\"" + age + "\"");
        Page twice = visitor.post(page, page + "/demographics", age, "0");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("You have already answered this question");
        assertThat(jdbc.sql("SELECT option_index FROM consultation_answer WHERE consultation_id = ?").param(c.id()).query(Integer.class).list())
                .containsExactly(1);
    }

    @Test
    void moderatorsTranslateStatementsAndCreateInvitationCodesFromThePages() {
        Web mediator = web("en").signIn("mediator@demo.parley");
        String moderation = base + "/moderation";
        long first = consultations.statements(pid, open.id()).getFirst().id();
        String translate = base + "/statements/" + first + "/translations";
        assertThat(mediator.get(moderation).body()).contains("Translation: Українська").contains("name=\"translation.ru\"");
        Page tooLong = mediator.post(moderation, translate, "translation.uk", "я".repeat(281), "translation.ru", "Первое утверждение");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("at most 280 characters").contains("я".repeat(281)).contains("Первое утверждение");
        assertThat(mediator.post(moderation, translate, "translation.uk", "Перше твердження", "translation.ru", "").status()).isEqualTo(302);
        assertThat(consultations.statement(pid, open.id(), first).translations()).containsExactly(java.util.Map.entry("uk", "Перше твердження"));
        // readers see their language where there is a translation, the original elsewhere: after a vote on the
        // second statement, the first is the one left to vote on
        long second = consultations.statements(pid, open.id()).get(1).id();
        for (String lang : List.of("uk", "ru")) {
            Web reader = web(lang);
            assertThat(reader.post(base, base + "/vote", "statementId", String.valueOf(second), "vote", "PASS").status()).isEqualTo(302);
            String card = reader.get(base).body();
            if (lang.equals("uk")) {
                assertThat(card).contains("lang=\"uk\">Перше твердження</blockquote>");
            } else {
                assertThat(card).contains("lang=\"en\">The first statement</blockquote>").doesNotContain("Перше твердження");
            }
        }
        assertThat(web("en").post(base, translate, "translation.uk", "x").status()).isEqualTo(302); // to the sign-in page
        assertThat(consultations.statement(pid, open.id(), first).translations().get("uk")).isEqualTo("Перше твердження");

        // invitation codes for a panel: shown once on the page, each lets one person in
        Instant now = Instant.now();
        Consultation panel = consultations.create(pid, new NewConsultation("Panel " + System.nanoTime(), "", List.of("en"), now.minusSeconds(60),
                now.plusSeconds(86_400), Consultation.Moderation.AFTER, true, List.of("S")), mediator());
        String panelPage = "/processes/" + pid + "/consultations/" + panel.id();
        Page none = mediator.post(panelPage + "/moderation", panelPage + "/invitations", "count", "0");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("Ask for between 1 and 5,000 codes").contains("value=\"0\"");
        Page codes = mediator.post(panelPage + "/moderation", panelPage + "/invitations", "count", "3");
        assertThat(codes.status()).isEqualTo(200);
        Matcher code = Pattern.compile("<li><code>([A-Za-z0-9_-]{12})</code></li>").matcher(codes.body());
        List<String> found = code.results().map(r -> r.group(1)).toList();
        assertThat(found).hasSize(3);
        Web invited = web("en");
        assertThat(invited.get(panelPage).body()).contains("Invitation code").doesNotContain("About you");
        assertThat(invited.post(panelPage, panelPage + "/join", "invitationCode", found.get(0)).status()).isEqualTo(302);
        assertThat(invited.get(panelPage).body()).contains("consult-statement").doesNotContain("name=\"invitationCode\"");
        Web other = web("en");
        other.post(panelPage, panelPage + "/join", "invitationCode", found.get(0));
        assertThat(other.get(panelPage).body()).contains("already used");
    }
}
