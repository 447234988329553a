package org.parley.monitoring;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;

/** The observer's report form. Times are typed in UTC; the client id makes a double submission harmless. */
public class ReportForm {

    private String clientId = UUID.randomUUID().toString();
    private String team;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime observedFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime observedTo;
    private Double latitude;
    private Double longitude;
    private Integer precisionM;
    private String place;
    private String admin1;
    private String admin2;
    private String category;
    private Integer quantity;
    private String direction;
    private Integer distanceM;
    private String weapon;
    private Long allegedPartyId;
    private String allegedBy;
    private Integer killedCivilian;
    private Integer killedMilitary;
    private Integer injuredCivilian;
    private Integer injuredMilitary;
    private String sources;
    private String confidence = "MEDIUM";
    private String description;
    private String language = "en";

    /** The form filled with a stored report, for its author to amend (same client id: a double submission stays harmless). */
    static ReportForm of(Report r) {
        ReportForm f = new ReportForm();
        f.clientId = r.clientId() == null ? f.clientId : r.clientId();
        f.team = r.team();
        f.observedFrom = r.observedFrom() == null ? null : LocalDateTime.ofInstant(r.observedFrom(), ZoneOffset.UTC);
        f.observedTo = r.observedTo() == null ? null : LocalDateTime.ofInstant(r.observedTo(), ZoneOffset.UTC);
        f.latitude = r.latitude();
        f.longitude = r.longitude();
        f.precisionM = r.precisionM();
        f.place = r.place();
        f.admin1 = r.admin1();
        f.admin2 = r.admin2();
        f.category = r.category().name();
        f.quantity = r.quantity();
        f.direction = r.direction();
        f.distanceM = r.distanceM();
        f.weapon = r.weapon();
        f.allegedPartyId = r.allegedPartyId();
        f.allegedBy = r.allegedBy();
        f.killedCivilian = r.killedCivilian();
        f.killedMilitary = r.killedMilitary();
        f.injuredCivilian = r.injuredCivilian();
        f.injuredMilitary = r.injuredMilitary();
        f.sources = r.sources();
        f.confidence = r.confidence();
        f.description = r.description();
        f.language = r.language();
        return f;
    }

    NewReport command() {
        return new NewReport(clientId, team, observedFrom == null ? null : observedFrom.toInstant(ZoneOffset.UTC),
                observedTo == null ? null : observedTo.toInstant(ZoneOffset.UTC), latitude, longitude, precisionM, place, admin1, admin2,
                category, quantity, direction, distanceM, weapon, allegedPartyId, allegedBy, killedCivilian, killedMilitary,
                injuredCivilian, injuredMilitary, sources, confidence, description, language);
    }

    public String getClientId() { return clientId; }
    public void setClientId(String v) { clientId = v; }
    public String getTeam() { return team; }
    public void setTeam(String v) { team = v; }
    public LocalDateTime getObservedFrom() { return observedFrom; }
    public void setObservedFrom(LocalDateTime v) { observedFrom = v; }
    public LocalDateTime getObservedTo() { return observedTo; }
    public void setObservedTo(LocalDateTime v) { observedTo = v; }
    public Double getLatitude() { return latitude; }
    public void setLatitude(Double v) { latitude = v; }
    public Double getLongitude() { return longitude; }
    public void setLongitude(Double v) { longitude = v; }
    public Integer getPrecisionM() { return precisionM; }
    public void setPrecisionM(Integer v) { precisionM = v; }
    public String getPlace() { return place; }
    public void setPlace(String v) { place = v; }
    public String getAdmin1() { return admin1; }
    public void setAdmin1(String v) { admin1 = v; }
    public String getAdmin2() { return admin2; }
    public void setAdmin2(String v) { admin2 = v; }
    public String getCategory() { return category; }
    public void setCategory(String v) { category = v; }
    public Integer getQuantity() { return quantity; }
    public void setQuantity(Integer v) { quantity = v; }
    public String getDirection() { return direction; }
    public void setDirection(String v) { direction = v; }
    public Integer getDistanceM() { return distanceM; }
    public void setDistanceM(Integer v) { distanceM = v; }
    public String getWeapon() { return weapon; }
    public void setWeapon(String v) { weapon = v; }
    public Long getAllegedPartyId() { return allegedPartyId; }
    public void setAllegedPartyId(Long v) { allegedPartyId = v; }
    public String getAllegedBy() { return allegedBy; }
    public void setAllegedBy(String v) { allegedBy = v; }
    public Integer getKilledCivilian() { return killedCivilian; }
    public void setKilledCivilian(Integer v) { killedCivilian = v; }
    public Integer getKilledMilitary() { return killedMilitary; }
    public void setKilledMilitary(Integer v) { killedMilitary = v; }
    public Integer getInjuredCivilian() { return injuredCivilian; }
    public void setInjuredCivilian(Integer v) { injuredCivilian = v; }
    public Integer getInjuredMilitary() { return injuredMilitary; }
    public void setInjuredMilitary(Integer v) { injuredMilitary = v; }
    public String getSources() { return sources; }
    public void setSources(String v) { sources = v; }
    public String getConfidence() { return confidence; }
    public void setConfidence(String v) { confidence = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public String getLanguage() { return language; }
    public void setLanguage(String v) { language = v; }
}
