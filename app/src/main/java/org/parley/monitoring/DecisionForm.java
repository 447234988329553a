package org.parley.monitoring;

/** A verifier's decision, as typed on the event page. */
public class DecisionForm {

    private EventState state;
    private String reason;
    private Long attributedPartyId;

    Decision command() {
        return new Decision(state, reason, attributedPartyId);
    }

    public EventState getState() { return state; }
    public void setState(EventState v) { state = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public Long getAttributedPartyId() { return attributedPartyId; }
    public void setAttributedPartyId(Long v) { attributedPartyId = v; }
}
