package org.parley.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Processes;
import org.parley.publicrecord.Fact;
import org.parley.publicrecord.PublicRecord;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The categories of a process: the built-in ones and those its mediators added. Rows read from the database
 * name their category by code; {@link #get} turns a code into the category, from a cache per process that is
 * read again whenever a code is missing from it (categories are only ever added, never changed or removed, so a
 * cache can only lack a category, never hold a wrong one; that also holds with several application nodes).
 */
@Service
@Transactional(readOnly = true)
public class Categories {

    /** A category as a mediator adds it: its names in the three languages, its compatibility group, whether it is kinetic. */
    public record NewCategory(String code, String nameEn, String nameUk, String nameRu, String group, Boolean kinetic,
                              String acledEventType, String acledSubEventType) {
    }

    private final JdbcClient jdbc;
    private final Processes processes;
    private final PublicRecord record;
    private final MessageSource messages;
    private final Clock clock;
    private final Map<Long, Map<String, Category>> added = new ConcurrentHashMap<>();

    Categories(JdbcClient jdbc, Processes processes, PublicRecord record, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.processes = processes;
        this.record = record;
        this.messages = messages;
        this.clock = clock;
    }

    private static final RowMapper<Category> ROW = (rs, n) -> new Category(rs.getString("code"), rs.getString("compat_group"),
            rs.getBoolean("kinetic"), false, rs.getString("name_en"), rs.getString("name_uk"), rs.getString("name_ru"),
            rs.getString("acled_event_type"), rs.getString("acled_sub_event_type"));

    private Map<String, Category> load(long processId) {
        Map<String, Category> m = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM monitoring_category WHERE process_id = ? ORDER BY added_at, code").param(processId).query(ROW).list()
                .forEach(c -> m.put(c.name(), c));
        added.put(processId, m);
        return m;
    }

    /** Every category of the process: the built-in ones, then the added ones in the order they were added. */
    public List<Category> of(long processId) {
        List<Category> all = new ArrayList<>(Category.BUILTIN);
        all.addAll(load(processId).values());
        return all;
    }

    /** The categories a mediator added to the process. */
    public List<Category> added(long processId) {
        return List.copyOf(load(processId).values());
    }

    /** The category a stored code stands for in the process. */
    Category get(long processId, String code) {
        Category builtin = Category.builtinOrNull(code);
        if (builtin != null) {
            return builtin;
        }
        Map<String, Category> m = added.get(processId);
        Category c = m == null ? null : m.get(code);
        if (c == null) {
            c = load(processId).get(code);
        }
        // a code nobody defined cannot be stored through Parley; shown as it is rather than failing the page
        return c != null ? c : Category.codeOnly(code);
    }

    /** The category a user typed (its code, in any case, with spaces or hyphens), if the process has it. */
    public Optional<Category> parse(long processId, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<Category> builtin = Category.parse(text);
        if (builtin.isPresent()) {
            return builtin;
        }
        String code = Category.code(text);
        Map<String, Category> m = added.get(processId);
        Category c = m == null ? null : m.get(code);
        return Optional.ofNullable(c != null ? c : load(processId).get(code));
    }

    /** A category's name in a language: a built-in one's from the bundles, an added one's own. */
    public String label(Category c, Locale locale) {
        return c.builtin() ? messages.getMessage("monitoring.category." + c.name(), null, c.name(), locale) : c.ownName(locale);
    }

    /** The names of all categories of the process in a language, by code, for pages. */
    public Map<String, String> labels(long processId, Locale locale) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Category c : of(processId)) {
            m.put(c.name(), label(c, locale));
        }
        return m;
    }

    /** The compatibility groups in use in the process: the built-in ones, then those added categories brought. */
    public List<String> groups(long processId) {
        LinkedHashSet<String> groups = new LinkedHashSet<>(Category.BUILTIN_GROUPS);
        load(processId).values().forEach(c -> groups.add(c.group()));
        return List.copyOf(groups);
    }

    /** The groups with their names in a language: a built-in group's from the bundles, an added group by its code. */
    public Map<String, String> groupLabels(long processId, Locale locale) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String g : groups(processId)) {
            m.put(g, Category.BUILTIN_GROUPS.contains(g) ? messages.getMessage("monitoring.group." + g, null, g, locale) : g);
        }
        return m;
    }

    /** A mediator adds a category to the process; it is on the public record at once, with its names and group. */
    @Transactional
    public Category add(long processId, NewCategory c, Viewer viewer) {
        processes.requireMediator(processId, viewer);
        List<FieldProblem> problems = new ArrayList<>();
        name(problems, "nameEn", c.nameEn());
        name(problems, "nameUk", c.nameUk());
        name(problems, "nameRu", c.nameRu());
        String code = c.code() != null && !c.code().isBlank() ? Category.code(c.code()) : c.nameEn() == null ? "" : Category.code(c.nameEn());
        if (!code.matches("[A-Z][A-Z0-9_]{1,59}")) {
            problems.add(new FieldProblem(c.code() != null && !c.code().isBlank() ? "code" : "nameEn", "monitoring.categoryForm.codeInvalid"));
        } else if (parse(processId, code).isPresent() || code.equals("REQUIRED") || code.equals("UNKNOWN")) {
            problems.add(new FieldProblem(c.code() != null && !c.code().isBlank() ? "code" : "nameEn", "monitoring.categoryForm.exists", code));
        }
        String group = c.group() == null || c.group().isBlank() ? code : Category.code(c.group());
        if (!group.matches("[A-Z][A-Z0-9_]{1,59}")) {
            problems.add(new FieldProblem("group", "monitoring.categoryForm.groupInvalid"));
        }
        if (c.kinetic() == null) {
            problems.add(new FieldProblem("kinetic", "monitoring.categoryForm.kineticRequired"));
        }
        String type = blank(c.acledEventType());
        String sub = blank(c.acledSubEventType());
        if ((type != null || sub != null) && !Acled.known(type, sub)) {
            problems.add(new FieldProblem("acledSubEventType", "monitoring.categoryForm.acledInvalid"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO monitoring_category (process_id, code, compat_group, kinetic, name_en, name_uk, name_ru, acled_event_type, "
                        + "acled_sub_event_type, added_by, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
                .params(processId, code, group, c.kinetic(), c.nameEn().strip(), c.nameUk().strip(), c.nameRu().strip(), type, sub,
                        viewer.accountId(), MonitoringStore.ts(now)).update();
        added.remove(processId);
        record.append(Fact.of("monitoring.category_added", processId, "monitoring-category/" + processId + "/" + code, now, Role.MEDIATOR.name(),
                Monitoring.data("code", code, "group", group, "kinetic", c.kinetic(), "nameEn", c.nameEn().strip(), "nameUk", c.nameUk().strip(),
                        "nameRu", c.nameRu().strip(), "acledEventType", type, "acledSubEventType", sub)));
        return load(processId).get(code);
    }

    private static void name(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "monitoring.categoryForm.name"));
        } else if (value.length() > 200) {
            problems.add(new FieldProblem(field, "monitoring.text.tooLong", 200));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Added categories of the process that ACLED rows map to, by "event type|sub-event type" in lower case. */
    Map<String, Category> acledMapping(long processId) {
        Map<String, Category> m = new LinkedHashMap<>();
        for (Category c : load(processId).values()) {
            if (c.acledSubEventType() != null) {
                m.putIfAbsent(Acled.key(c.acledEventType(), c.acledSubEventType()), c);
            }
        }
        return m;
    }
}
