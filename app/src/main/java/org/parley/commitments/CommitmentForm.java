package org.parley.commitments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * The new-commitment and edit-commitment forms, as typed: the clause (new ones only, as "text/clause"), the terms, the
 * deadline given one of five ways (the fields the other ways use are kept but ignored), and the indicators, with an
 * empty row for a new one and a box to remove one.
 */
public class CommitmentForm {

    private static final String REQUIRED = "jakarta.validation.constraints.NotBlank.message";

    private String clause;
    @NotBlank
    @Size(max = 2000)
    private String action;
    @NotNull
    private Theme theme;
    @NotEmpty
    private List<Long> partyIds = new ArrayList<>();
    @NotNull
    private DeadlineKind deadlineKind = DeadlineKind.AFTER_ENTRY_INTO_FORCE;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dueDate;
    @Min(0)
    private Integer offsetDays;
    private Long anchorCommitmentId;
    private Long anchorMilestoneId;
    private Long anchorEventId;
    @Valid
    private List<IndicatorRow> indicators = new ArrayList<>();

    static CommitmentForm of(Commitment c) {
        CommitmentForm f = new CommitmentForm();
        f.clause = c.textId() + "/" + c.clauseId();
        f.action = c.action();
        f.theme = c.theme();
        f.partyIds = new ArrayList<>(c.partyIds());
        f.deadlineKind = c.deadlineKind();
        f.dueDate = c.fixedDate();
        f.offsetDays = c.offsetDays();
        f.anchorCommitmentId = c.anchorCommitmentId();
        f.anchorMilestoneId = c.anchorMilestoneId();
        f.anchorEventId = c.anchorEventId();
        c.indicators().forEach(i -> f.indicators.add(new IndicatorRow(i.id(), i.name(), i.unit(), i.target())));
        return f.withEmptyRow();
    }

    /** One empty indicator row to fill in, if there is none. */
    CommitmentForm withEmptyRow() {
        if (indicators.stream().noneMatch(IndicatorRow::empty)) {
            indicators.add(new IndicatorRow(null, "", "", null));
        }
        return this;
    }

    Long textId() {
        return clause != null && clause.matches("\\d+/\\d+") ? Long.valueOf(clause.split("/")[0]) : null;
    }

    Long clauseId() {
        return clause != null && clause.matches("\\d+/\\d+") ? Long.valueOf(clause.split("/")[1]) : null;
    }

    /**
     * The command for a commitment of the given clause; indicators removed or left empty are left out. An indicator row
     * begun but not finished is rejected on {@code errors} against its field; null then.
     */
    NewCommitment command(Long textId, Long clauseId, Errors errors) {
        if (textId == null) {
            errors.rejectValue("clause", "jakarta.validation.constraints.NotNull.message");
        }
        List<Indicator.Input> kept = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            IndicatorRow r = indicators.get(i);
            if (r.remove || r.empty()) {
                continue;
            }
            if (r.name == null || r.name.isBlank()) {
                errors.rejectValue("indicators[" + i + "].name", REQUIRED);
            }
            if (r.unit == null || r.unit.isBlank()) {
                errors.rejectValue("indicators[" + i + "].unit", REQUIRED);
            }
            if (r.target == null) {
                errors.rejectValue("indicators[" + i + "].target", REQUIRED);
            }
            kept.add(new Indicator.Input(r.id, r.name, r.unit, r.target));
        }
        if (errors.hasErrors()) {
            return null;
        }
        return new NewCommitment(textId, clauseId, action, theme, partyIds, deadlineKind, dueDate, offsetDays, anchorCommitmentId,
                anchorMilestoneId, anchorEventId, kept);
    }

    public static class IndicatorRow {
        private Long id;
        @Size(max = 200)
        private String name;
        @Size(max = 50)
        private String unit;
        @PositiveOrZero
        private BigDecimal target;
        private boolean remove;

        public IndicatorRow() {
        }

        IndicatorRow(Long id, String name, String unit, BigDecimal target) {
            this.id = id;
            this.name = name;
            this.unit = unit;
            this.target = target;
        }

        /** A new row nothing was typed in. */
        boolean empty() {
            return id == null && (name == null || name.isBlank()) && (unit == null || unit.isBlank()) && target == null;
        }

        public Long getId() { return id; }
        public void setId(Long id) { this.id = id; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getUnit() { return unit; }
        public void setUnit(String unit) { this.unit = unit; }
        public BigDecimal getTarget() { return target; }
        public void setTarget(BigDecimal target) { this.target = target; }
        public boolean isRemove() { return remove; }
        public void setRemove(boolean remove) { this.remove = remove; }
    }

    public String getClause() { return clause; }
    public void setClause(String clause) { this.clause = clause; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public Theme getTheme() { return theme; }
    public void setTheme(Theme theme) { this.theme = theme; }
    public List<Long> getPartyIds() { return partyIds; }
    public void setPartyIds(List<Long> partyIds) { this.partyIds = partyIds; }
    public DeadlineKind getDeadlineKind() { return deadlineKind; }
    public void setDeadlineKind(DeadlineKind deadlineKind) { this.deadlineKind = deadlineKind; }
    public LocalDate getDueDate() { return dueDate; }
    public void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
    public Integer getOffsetDays() { return offsetDays; }
    public void setOffsetDays(Integer offsetDays) { this.offsetDays = offsetDays; }
    public Long getAnchorCommitmentId() { return anchorCommitmentId; }
    public void setAnchorCommitmentId(Long anchorCommitmentId) { this.anchorCommitmentId = anchorCommitmentId; }
    public Long getAnchorMilestoneId() { return anchorMilestoneId; }
    public void setAnchorMilestoneId(Long anchorMilestoneId) { this.anchorMilestoneId = anchorMilestoneId; }
    public Long getAnchorEventId() { return anchorEventId; }
    public void setAnchorEventId(Long anchorEventId) { this.anchorEventId = anchorEventId; }
    public List<IndicatorRow> getIndicators() { return indicators; }
    public void setIndicators(List<IndicatorRow> indicators) { this.indicators = indicators; }
}
