package org.parley.commitments;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A row of the plan's tables as typed in the add and edit forms: its kind, its two columns and its links. */
public class PlanForm {

    @NotNull
    private PlanKind kind;
    @NotBlank
    @Size(max = 300)
    private String title;
    @NotBlank
    @Size(max = 1000)
    private String expected;
    private List<Long> trackIds = new ArrayList<>();
    private List<Long> commitmentIds = new ArrayList<>();
    private List<Long> indicatorIds = new ArrayList<>();

    static PlanForm of(PlanItem p) {
        PlanForm f = new PlanForm();
        f.kind = p.kind();
        f.title = p.title();
        f.expected = p.expected();
        f.trackIds = new ArrayList<>(p.trackIds());
        f.commitmentIds = new ArrayList<>(p.commitmentIds());
        f.indicatorIds = new ArrayList<>(p.indicatorIds());
        return f;
    }

    PlanItem.Input input() {
        return new PlanItem.Input(kind, title, expected, trackIds, commitmentIds, indicatorIds);
    }

    public PlanKind getKind() { return kind; }
    public void setKind(PlanKind kind) { this.kind = kind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getExpected() { return expected; }
    public void setExpected(String expected) { this.expected = expected; }
    public List<Long> getTrackIds() { return trackIds; }
    public void setTrackIds(List<Long> trackIds) { this.trackIds = trackIds; }
    public List<Long> getCommitmentIds() { return commitmentIds; }
    public void setCommitmentIds(List<Long> commitmentIds) { this.commitmentIds = commitmentIds; }
    public List<Long> getIndicatorIds() { return indicatorIds; }
    public void setIndicatorIds(List<Long> indicatorIds) { this.indicatorIds = indicatorIds; }
}
