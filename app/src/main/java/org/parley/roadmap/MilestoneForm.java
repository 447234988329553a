package org.parley.roadmap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The new-milestone and edit-milestone forms, as typed. The due date is given one of three ways (a
 * fixed date, D0 + an offset, or an offset after another milestone is completed); the fields the other
 * ways use are kept but ignored.
 */
public class MilestoneForm {

    @NotBlank
    @Size(max = 200)
    private String title;
    @Size(max = 10000)
    private String description;
    private Long trackId;
    @NotNull
    private DueKind dueKind = DueKind.AFTER_START;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dueDate;
    @Min(0)
    @Max(3650)
    private Integer offsetAmount;
    private OffsetUnit offsetUnit = OffsetUnit.MONTHS;
    private Long anchorMilestoneId;
    @Size(max = 50)
    private List<Long> partyIds = new ArrayList<>();
    @Size(max = 100)
    private List<Long> dependsOn = new ArrayList<>();

    static MilestoneForm of(Milestone m) {
        MilestoneForm f = new MilestoneForm();
        f.title = m.title();
        f.description = m.description();
        f.trackId = m.trackId();
        f.dueKind = m.dueKind();
        f.dueDate = m.fixedDate();
        f.offsetAmount = m.offsetAmount();
        f.offsetUnit = m.offsetUnit() == null ? OffsetUnit.MONTHS : m.offsetUnit();
        f.anchorMilestoneId = m.anchorMilestoneId();
        f.partyIds = new ArrayList<>(m.partyIds());
        f.dependsOn = new ArrayList<>(m.dependsOn());
        return f;
    }

    /** The command, with only the due fields the chosen way uses. */
    NewMilestone command() {
        boolean fixed = dueKind == DueKind.DATE;
        boolean after = dueKind == DueKind.AFTER_MILESTONE;
        return new NewMilestone(title, description, trackId, dueKind,
                fixed ? dueDate : null,
                fixed ? null : offsetAmount,
                fixed ? null : offsetUnit,
                after ? anchorMilestoneId : null,
                partyIds, dependsOn);
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Long getTrackId() { return trackId; }
    public void setTrackId(Long trackId) { this.trackId = trackId; }
    public DueKind getDueKind() { return dueKind; }
    public void setDueKind(DueKind dueKind) { this.dueKind = dueKind; }
    public LocalDate getDueDate() { return dueDate; }
    public void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
    public Integer getOffsetAmount() { return offsetAmount; }
    public void setOffsetAmount(Integer offsetAmount) { this.offsetAmount = offsetAmount; }
    public OffsetUnit getOffsetUnit() { return offsetUnit; }
    public void setOffsetUnit(OffsetUnit offsetUnit) { this.offsetUnit = offsetUnit; }
    public Long getAnchorMilestoneId() { return anchorMilestoneId; }
    public void setAnchorMilestoneId(Long anchorMilestoneId) { this.anchorMilestoneId = anchorMilestoneId; }
    public List<Long> getPartyIds() { return partyIds; }
    public void setPartyIds(List<Long> partyIds) { this.partyIds = partyIds == null ? new ArrayList<>() : partyIds; }
    public List<Long> getDependsOn() { return dependsOn; }
    public void setDependsOn(List<Long> dependsOn) { this.dependsOn = dependsOn == null ? new ArrayList<>() : dependsOn; }
}
