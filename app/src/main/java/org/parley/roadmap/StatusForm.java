package org.parley.roadmap;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** The status-change form on a milestone's page: the new status, why, the evidence, and since when. */
public class StatusForm {

    @NotNull
    private MilestoneStatus status;
    @NotBlank
    @Size(max = 2000)
    private String reason;
    @Size(max = 4000)
    private String evidence;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate effectiveOn;

    StatusChange command() {
        return new StatusChange(status, reason, evidence == null || evidence.isBlank() ? null : evidence, effectiveOn);
    }

    public MilestoneStatus getStatus() { return status; }
    public void setStatus(MilestoneStatus status) { this.status = status; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getEvidence() { return evidence; }
    public void setEvidence(String evidence) { this.evidence = evidence; }
    public LocalDate getEffectiveOn() { return effectiveOn; }
    public void setEffectiveOn(LocalDate effectiveOn) { this.effectiveOn = effectiveOn; }
}
