package org.parley.monitoring;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.parley.platform.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the monitoring pages, as typed (times in UTC); each turns into the service's command. */
final class PageForms {

    private PageForms() {
    }

    static Instant utc(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    /**
     * Points typed one per line as "longitude, latitude" (or separated by spaces or a semicolon). A line that is
     * not two numbers is refused for {@code field}.
     */
    static List<List<Double>> points(String text, String field, String code) {
        List<List<Double>> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            String[] parts = l.split("[,;\\s]+");
            if (parts.length != 2) {
                throw new InvalidInputException(field, code);
            }
            try {
                out.add(List.of(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field, code);
            }
        }
        return out;
    }

    /** A party's claimed violation. */
    public static class ClaimForm {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        private LocalDateTime observedFrom;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        private LocalDateTime observedTo;
        private Double latitude;
        private Double longitude;
        private String category;
        private Long accusedPartyId;
        private String description;
        private String evidence;

        NewClaim command() {
            return new NewClaim(utc(observedFrom), utc(observedTo), latitude, longitude, category, accusedPartyId, description, evidence);
        }

        public LocalDateTime getObservedFrom() { return observedFrom; }
        public void setObservedFrom(LocalDateTime v) { observedFrom = v; }
        public LocalDateTime getObservedTo() { return observedTo; }
        public void setObservedTo(LocalDateTime v) { observedTo = v; }
        public Double getLatitude() { return latitude; }
        public void setLatitude(Double v) { latitude = v; }
        public Double getLongitude() { return longitude; }
        public void setLongitude(Double v) { longitude = v; }
        public String getCategory() { return category; }
        public void setCategory(String v) { category = v; }
        public Long getAccusedPartyId() { return accusedPartyId; }
        public void setAccusedPartyId(Long v) { accusedPartyId = v; }
        public String getDescription() { return description; }
        public void setDescription(String v) { description = v; }
        public String getEvidence() { return evidence; }
        public void setEvidence(String v) { evidence = v; }
    }

    /** Observers' decision on a claim. */
    public static class ClaimDecisionForm {
        private ClaimStatus status;
        private String reason;
        private Long eventId;

        ClaimDecision command() {
            return new ClaimDecision(status, reason, eventId);
        }

        public ClaimStatus getStatus() { return status; }
        public void setStatus(ClaimStatus v) { status = v; }
        public String getReason() { return reason; }
        public void setReason(String v) { reason = v; }
        public Long getEventId() { return eventId; }
        public void setEventId(Long v) { eventId = v; }
    }

    /** A ceasefire's scope: time, geography (points typed one per line) and categories. */
    public static class CeasefireForm {
        private String name;
        private Long milestoneId;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        private LocalDateTime startsAt;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        private LocalDateTime endsAt;
        private Geography geography = Geography.COUNTRY;
        private String coordinates;
        private Double bufferKm;
        private List<String> categories = new ArrayList<>();
        private boolean allKinetic;

        NewCeasefire command() {
            List<List<Double>> pts = geography == null || geography == Geography.COUNTRY ? null
                    : points(coordinates, "coordinates", "monitoring.ceasefire.coordinates");
            return new NewCeasefire(name, milestoneId, utc(startsAt), utc(endsAt), geography, pts, bufferKm, categories, allKinetic);
        }

        public boolean isAllKinetic() { return allKinetic; }
        public void setAllKinetic(boolean v) { allKinetic = v; }

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public Long getMilestoneId() { return milestoneId; }
        public void setMilestoneId(Long v) { milestoneId = v; }
        public LocalDateTime getStartsAt() { return startsAt; }
        public void setStartsAt(LocalDateTime v) { startsAt = v; }
        public LocalDateTime getEndsAt() { return endsAt; }
        public void setEndsAt(LocalDateTime v) { endsAt = v; }
        public Geography getGeography() { return geography; }
        public void setGeography(Geography v) { geography = v; }
        public String getCoordinates() { return coordinates; }
        public void setCoordinates(String v) { coordinates = v; }
        public Double getBufferKm() { return bufferKm; }
        public void setBufferKm(Double v) { bufferKm = v; }
        public List<String> getCategories() { return categories; }
        public void setCategories(List<String> v) { categories = v == null ? new ArrayList<>() : v; }
    }

    /** Merge another event into this one. */
    public static class MergeForm {
        private Long otherEventId;
        private String reason;

        public Long getOtherEventId() { return otherEventId; }
        public void setOtherEventId(Long v) { otherEventId = v; }
        public String getReason() { return reason; }
        public void setReason(String v) { reason = v; }
    }

    /** Split some reports of this event into a new one. */
    public static class SplitForm {
        private List<Long> reportIds = new ArrayList<>();
        private String reason;

        public List<Long> getReportIds() { return reportIds; }
        public void setReportIds(List<Long> v) { reportIds = v == null ? new ArrayList<>() : v; }
        public String getReason() { return reason; }
        public void setReason(String v) { reason = v; }
    }

    /** A party's declared storage site. */
    public static class SiteForm {
        private String name;
        private WeaponClass weaponClass;
        private Integer declaredCount;
        private Double latitude;
        private Double longitude;

        Withdrawals.NewSite command() {
            return new Withdrawals.NewSite(name, weaponClass, declaredCount, latitude, longitude);
        }

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public WeaponClass getWeaponClass() { return weaponClass; }
        public void setWeaponClass(WeaponClass v) { weaponClass = v; }
        public Integer getDeclaredCount() { return declaredCount; }
        public void setDeclaredCount(Integer v) { declaredCount = v; }
        public Double getLatitude() { return latitude; }
        public void setLatitude(Double v) { latitude = v; }
        public Double getLongitude() { return longitude; }
        public void setLongitude(Double v) { longitude = v; }
    }

    /** A withdrawal zone: within a distance of the contact line (points one per line), for a weapon class. */
    public static class ZoneForm {
        private String name;
        private WeaponClass weaponClass;
        private String line;
        private Double distanceKm;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        private LocalDateTime startsAt;

        Withdrawals.NewZone command() {
            return new Withdrawals.NewZone(name, weaponClass, points(line, "line", "monitoring.ceasefire.line"), distanceKm, utc(startsAt));
        }

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public WeaponClass getWeaponClass() { return weaponClass; }
        public void setWeaponClass(WeaponClass v) { weaponClass = v; }
        public String getLine() { return line; }
        public void setLine(String v) { line = v; }
        public Double getDistanceKm() { return distanceKm; }
        public void setDistanceKm(Double v) { distanceKm = v; }
        public LocalDateTime getStartsAt() { return startsAt; }
        public void setStartsAt(LocalDateTime v) { startsAt = v; }
    }

    /** An observer's sighting of weapons. */
    public static class SightingForm {
        private WeaponClass weaponClass;
        private Integer count;
        private Double latitude;
        private Double longitude;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        private LocalDateTime observedAt;
        private Long siteId;
        private Long partyId;
        private String note;

        Withdrawals.NewSighting command() {
            return new Withdrawals.NewSighting(weaponClass, count, latitude, longitude, utc(observedAt), siteId, partyId, note);
        }

        public WeaponClass getWeaponClass() { return weaponClass; }
        public void setWeaponClass(WeaponClass v) { weaponClass = v; }
        public Integer getCount() { return count; }
        public void setCount(Integer v) { count = v; }
        public Double getLatitude() { return latitude; }
        public void setLatitude(Double v) { latitude = v; }
        public Double getLongitude() { return longitude; }
        public void setLongitude(Double v) { longitude = v; }
        public LocalDateTime getObservedAt() { return observedAt; }
        public void setObservedAt(LocalDateTime v) { observedAt = v; }
        public Long getSiteId() { return siteId; }
        public void setSiteId(Long v) { siteId = v; }
        public Long getPartyId() { return partyId; }
        public void setPartyId(Long v) { partyId = v; }
        public String getNote() { return note; }
        public void setNote(String v) { note = v; }
    }

    /** A category a mediator adds: its names, group (an existing one, or a new one named here), use of force, ACLED pair. */
    public static class CategoryForm {
        private String nameEn;
        private String nameUk;
        private String nameRu;
        private String group;
        private String newGroup;
        private boolean kinetic;
        private String acled;

        Categories.NewCategory command() {
            String g = newGroup != null && !newGroup.isBlank() ? newGroup : group;
            String type = null;
            String sub = null;
            if (acled != null && acled.contains("|")) {
                type = acled.substring(0, acled.indexOf('|'));
                sub = acled.substring(acled.indexOf('|') + 1);
            }
            return new Categories.NewCategory(null, nameEn, nameUk, nameRu, g, kinetic, type, sub);
        }

        public String getNameEn() { return nameEn; }
        public void setNameEn(String v) { nameEn = v; }
        public String getNameUk() { return nameUk; }
        public void setNameUk(String v) { nameUk = v; }
        public String getNameRu() { return nameRu; }
        public void setNameRu(String v) { nameRu = v; }
        public String getGroup() { return group; }
        public void setGroup(String v) { group = v; }
        public String getNewGroup() { return newGroup; }
        public void setNewGroup(String v) { newGroup = v; }
        public boolean isKinetic() { return kinetic; }
        public void setKinetic(boolean v) { kinetic = v; }
        public String getAcled() { return acled; }
        public void setAcled(String v) { acled = v; }
        /** Where the service's problem about the ACLED pair goes on this form. */
        public String getAcledSubEventType() { return acled; }
    }

    /** An observer a mediator makes serve the process, and the team. */
    public static class ObserverForm {
        private Long accountId;
        private String team;

        Observers.NewMember command() {
            return new Observers.NewMember(accountId, null, team);
        }

        public Long getAccountId() { return accountId; }
        public void setAccountId(Long v) { accountId = v; }
        public String getTeam() { return team; }
        public void setTeam(String v) { team = v; }
    }

    /** Grouping distance and window, and the spike factor. */
    public static class SettingsForm {
        private Double groupKm;
        private Integer groupMinutes;
        private Double spikeFactor;

        static SettingsForm of(Monitoring.Settings s) {
            SettingsForm f = new SettingsForm();
            f.groupKm = s.groupKm();
            f.groupMinutes = s.groupMinutes();
            f.spikeFactor = s.spikeFactor();
            return f;
        }

        Monitoring.Settings command() {
            return new Monitoring.Settings(groupKm == null ? Double.NaN : groupKm, groupMinutes == null ? 0 : groupMinutes,
                    spikeFactor == null ? Double.NaN : spikeFactor);
        }

        public Double getGroupKm() { return groupKm; }
        public void setGroupKm(Double v) { groupKm = v; }
        public Integer getGroupMinutes() { return groupMinutes; }
        public void setGroupMinutes(Integer v) { groupMinutes = v; }
        public Double getSpikeFactor() { return spikeFactor; }
        public void setSpikeFactor(Double v) { spikeFactor = v; }
    }
}
