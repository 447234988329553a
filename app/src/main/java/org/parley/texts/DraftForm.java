package org.parley.texts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.validation.Errors;

/**
 * The whole-draft form, as typed: title, preamble, every article and clause with its order, the article each clause
 * sits in (so clauses move between articles), the bracketed alternatives, what to remove, one empty row for a new
 * clause per article, a new alternative per clause and a new article, and the reason for the save. Articles are
 * named in the form by a key (their id, or {@value #NEW} for the new one), so that a clause can be put in an article
 * made by the same save.
 */
public class DraftForm {

    static final String NEW = "new";
    private static final String NOT_BLANK = "jakarta.validation.constraints.NotBlank.message";

    @NotBlank
    @Size(max = 300)
    private String title;
    @Size(max = 8000)
    private String preamble;
    @NotBlank
    @Size(max = 2000)
    private String reason;
    @Valid
    private List<ArticleRow> articles = new ArrayList<>();
    @Valid
    private List<ClauseRow> clauses = new ArrayList<>();

    /** The form for a draft as it stands, with its empty rows. */
    static DraftForm of(NegotiatingText t) {
        DraftForm f = new DraftForm();
        f.title = t.title();
        f.preamble = t.preamble();
        for (Article a : t.articles()) {
            f.articles.add(new ArticleRow(a.id(), String.valueOf(a.id()), a.heading(), a.number()));
            for (Clause c : a.clauses()) {
                ClauseRow row = new ClauseRow(c.id(), String.valueOf(a.id()), c.number(), c.body());
                c.alternatives().forEach(x -> row.alternatives.add(new AlternativeRow(x.body(), x.partyId())));
                f.clauses.add(row);
            }
        }
        f.withEmptyRows();
        return f;
    }

    /** Adds the empty rows a save may fill: a clause per article, an alternative per clause, a new article. */
    DraftForm withEmptyRows() {
        if (articles.stream().noneMatch(a -> NEW.equals(a.key))) {
            articles.add(new ArticleRow(null, NEW, "", null));
        }
        for (ArticleRow a : articles) {
            if (clauses.stream().noneMatch(c -> c.getId() == null && a.key.equals(c.article))) {
                clauses.add(new ClauseRow(null, a.key, null, ""));
            }
        }
        for (ClauseRow c : clauses) {
            if (c.alternatives.stream().noneMatch(x -> x.body == null || x.body.isBlank())) {
                c.alternatives.add(new AlternativeRow("", null));
            }
        }
        return this;
    }

    /** The clause rows of an article, in the order typed, with their row numbers (the form's field indexes). */
    public List<Integer> clausesOf(String articleKey) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < clauses.size(); i++) {
            if (articleKey.equals(clauses.get(i).article)) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * The draft to save: rows marked for removal and empty new rows left out, articles and clauses sorted by the order
     * typed (rows without one keep their place, after the numbered ones), each clause in the article it names.
     * Problems a bean annotation cannot see are rejected on {@code errors} against the row's field; null then.
     */
    Draft toDraft(Errors errors) {
        Map<String, ArticleRow> kept = new LinkedHashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            ArticleRow a = articles.get(i);
            boolean blank = a.heading == null || a.heading.isBlank();
            if (a.isRemove() || (a.getId() == null && blank)) {
                continue;
            }
            if (blank) {
                errors.rejectValue("articles[" + i + "].heading", NOT_BLANK);
            }
            a.index = i;
            kept.put(a.key, a);
        }
        Map<String, List<ClauseRow>> byArticle = new LinkedHashMap<>();
        for (int i = 0; i < clauses.size(); i++) {
            ClauseRow c = clauses.get(i);
            boolean blank = c.body == null || c.body.isBlank();
            if (c.isRemove() || (c.getId() == null && blank)) {
                continue;
            }
            if (blank) {
                errors.rejectValue("clauses[" + i + "].body", NOT_BLANK);
            }
            if (!kept.containsKey(c.article)) {
                errors.rejectValue("clauses[" + i + "].article", "texts.article.removedWithClauses");
            }
            for (int j = 0; j < c.alternatives.size(); j++) {
                AlternativeRow x = c.alternatives.get(j);
                if (!x.remove && x.body != null && !x.body.isBlank() && x.partyId == null) {
                    errors.rejectValue("clauses[" + i + "].alternatives[" + j + "].partyId", "texts.alternative.partyRequired");
                }
            }
            c.index = i;
            byArticle.computeIfAbsent(c.article, k -> new ArrayList<>()).add(c);
        }
        if (errors.hasErrors()) {
            return null;
        }
        List<DraftArticle> out = new ArrayList<>();
        kept.values().stream().sorted(Row.TYPED).forEach(a -> out.add(new DraftArticle(a.getId(), a.heading,
                byArticle.getOrDefault(a.key, List.of()).stream().sorted(Row.TYPED)
                        .map(c -> new DraftClause(c.getId(), c.body, c.alternatives.stream()
                                .filter(x -> !x.remove && x.body != null && !x.body.isBlank())
                                .map(x -> new Alternative(x.body, x.partyId)).toList()))
                        .toList())));
        return new Draft(title, preamble, out, reason);
    }

    /** What articles and clauses have alike: an id (null for a new one), the order typed, the box to remove it. */
    public abstract static class Row {
        Long id;
        Integer order;
        boolean remove;
        int index;

        Row() {
        }

        Row(Long id, Integer order) {
            this.id = id;
            this.order = order;
        }

        /** Sorted by the order typed; rows without one keep their place, after the numbered ones. */
        static final Comparator<Row> TYPED = Comparator.comparing((Row r) -> r.order == null ? Integer.MAX_VALUE : r.order)
                .thenComparing(r -> r.index);

        public Long getId() { return id; }
        public void setId(Long id) { this.id = id; }
        public Integer getOrder() { return order; }
        public void setOrder(Integer order) { this.order = order; }
        public boolean isRemove() { return remove; }
        public void setRemove(boolean remove) { this.remove = remove; }
    }

    public static class ArticleRow extends Row {
        private String key;
        @Size(max = 500)
        private String heading;

        public ArticleRow() {
        }

        ArticleRow(Long id, String key, String heading, Integer order) {
            super(id, order);
            this.key = key;
            this.heading = heading;
        }

        public String getKey() { return key; }
        public void setKey(String key) { this.key = key; }
        public String getHeading() { return heading; }
        public void setHeading(String heading) { this.heading = heading; }
    }

    public static class ClauseRow extends Row {
        private String article;
        @Size(max = 8000)
        private String body;
        @Valid
        private List<AlternativeRow> alternatives = new ArrayList<>();

        public ClauseRow() {
        }

        ClauseRow(Long id, String article, Integer order, String body) {
            super(id, order);
            this.article = article;
            this.body = body;
        }

        public String getArticle() { return article; }
        public void setArticle(String article) { this.article = article; }
        public String getBody() { return body; }
        public void setBody(String body) { this.body = body; }
        public List<AlternativeRow> getAlternatives() { return alternatives; }
        public void setAlternatives(List<AlternativeRow> alternatives) { this.alternatives = alternatives; }
    }

    public static class AlternativeRow {
        @Size(max = 2000)
        private String body;
        private Long partyId;
        private boolean remove;

        public AlternativeRow() {
        }

        AlternativeRow(String body, Long partyId) {
            this.body = body;
            this.partyId = partyId;
        }

        public String getBody() { return body; }
        public void setBody(String body) { this.body = body; }
        public Long getPartyId() { return partyId; }
        public void setPartyId(Long partyId) { this.partyId = partyId; }
        public boolean isRemove() { return remove; }
        public void setRemove(boolean remove) { this.remove = remove; }
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getPreamble() { return preamble; }
    public void setPreamble(String preamble) { this.preamble = preamble; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public List<ArticleRow> getArticles() { return articles; }
    public void setArticles(List<ArticleRow> articles) { this.articles = articles; }
    public List<ClauseRow> getClauses() { return clauses; }
    public void setClauses(List<ClauseRow> clauses) { this.clauses = clauses; }
}
