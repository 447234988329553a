package org.parley.humanitarian;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.parley.platform.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the humanitarian pages, as typed. Times are UTC, as everywhere in Parley. */
final class Forms {

    private Forms() {
    }

    public static class OrganisationForm {
        @NotBlank @Size(max = 40) private String acronym;
        @NotBlank @Size(max = 300) private String name;
        @NotNull private OrganisationKind kind = OrganisationKind.NGO;

        Humanitarian.NewOrganisation command() {
            return new Humanitarian.NewOrganisation(acronym, name, kind);
        }

        public String getAcronym() { return acronym; }
        public void setAcronym(String acronym) { this.acronym = acronym; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public OrganisationKind getKind() { return kind; }
        public void setKind(OrganisationKind kind) { this.kind = kind; }
    }

    public static class NeedForm {
        @NotBlank private String areaPcode;
        @NotNull private Sector sector;
        @NotNull private Long peopleInNeed;
        @NotNull private Long peopleTargeted;
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate periodStart;
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate periodEnd;
        @NotBlank @Size(max = 500) private String source;

        Humanitarian.NewNeed command() {
            return new Humanitarian.NewNeed(areaPcode, sector, peopleInNeed, peopleTargeted, periodStart, periodEnd, source);
        }

        static NeedForm of(Humanitarian.Need n) {
            NeedForm f = new NeedForm();
            f.areaPcode = n.areaPcode();
            f.sector = n.sector();
            f.peopleInNeed = n.peopleInNeed();
            f.peopleTargeted = n.peopleTargeted();
            f.periodStart = n.periodStart();
            f.periodEnd = n.periodEnd();
            f.source = n.source();
            return f;
        }

        public String getAreaPcode() { return areaPcode; }
        public void setAreaPcode(String areaPcode) { this.areaPcode = areaPcode; }
        public Sector getSector() { return sector; }
        public void setSector(Sector sector) { this.sector = sector; }
        public Long getPeopleInNeed() { return peopleInNeed; }
        public void setPeopleInNeed(Long peopleInNeed) { this.peopleInNeed = peopleInNeed; }
        public Long getPeopleTargeted() { return peopleTargeted; }
        public void setPeopleTargeted(Long peopleTargeted) { this.peopleTargeted = peopleTargeted; }
        public LocalDate getPeriodStart() { return periodStart; }
        public void setPeriodStart(LocalDate periodStart) { this.periodStart = periodStart; }
        public LocalDate getPeriodEnd() { return periodEnd; }
        public void setPeriodEnd(LocalDate periodEnd) { this.periodEnd = periodEnd; }
        public String getSource() { return source; }
        public void setSource(String source) { this.source = source; }
    }

    public static class ActivityForm {
        @NotNull private Long organisationId;
        @NotNull private Sector sector;
        @NotBlank @Size(max = 500) private String activity;
        @NotBlank private String areaPcode;
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate periodStart;
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate periodEnd;
        private Long peopleTargeted;
        @NotNull private Long peopleReached;
        private Long reachedWomen;
        private Long reachedMen;
        private Long reachedChildren;
        private Long reachedElderly;
        @NotNull private ActivityStatus status = ActivityStatus.ONGOING;

        Humanitarian.NewActivity command() {
            return new Humanitarian.NewActivity(organisationId, sector, activity, areaPcode, periodStart, periodEnd, peopleTargeted, peopleReached,
                    reachedWomen, reachedMen, reachedChildren, reachedElderly, status);
        }

        static ActivityForm of(Humanitarian.Activity a) {
            ActivityForm f = new ActivityForm();
            f.organisationId = a.organisationId();
            f.sector = a.sector();
            f.activity = a.activity();
            f.areaPcode = a.areaPcode();
            f.periodStart = a.periodStart();
            f.periodEnd = a.periodEnd();
            f.peopleTargeted = a.peopleTargeted();
            f.peopleReached = a.peopleReached();
            f.reachedWomen = a.reachedWomen();
            f.reachedMen = a.reachedMen();
            f.reachedChildren = a.reachedChildren();
            f.reachedElderly = a.reachedElderly();
            f.status = a.status();
            return f;
        }

        public Long getOrganisationId() { return organisationId; }
        public void setOrganisationId(Long organisationId) { this.organisationId = organisationId; }
        public Sector getSector() { return sector; }
        public void setSector(Sector sector) { this.sector = sector; }
        public String getActivity() { return activity; }
        public void setActivity(String activity) { this.activity = activity; }
        public String getAreaPcode() { return areaPcode; }
        public void setAreaPcode(String areaPcode) { this.areaPcode = areaPcode; }
        public LocalDate getPeriodStart() { return periodStart; }
        public void setPeriodStart(LocalDate periodStart) { this.periodStart = periodStart; }
        public LocalDate getPeriodEnd() { return periodEnd; }
        public void setPeriodEnd(LocalDate periodEnd) { this.periodEnd = periodEnd; }
        public Long getPeopleTargeted() { return peopleTargeted; }
        public void setPeopleTargeted(Long peopleTargeted) { this.peopleTargeted = peopleTargeted; }
        public Long getPeopleReached() { return peopleReached; }
        public void setPeopleReached(Long peopleReached) { this.peopleReached = peopleReached; }
        public Long getReachedWomen() { return reachedWomen; }
        public void setReachedWomen(Long reachedWomen) { this.reachedWomen = reachedWomen; }
        public Long getReachedMen() { return reachedMen; }
        public void setReachedMen(Long reachedMen) { this.reachedMen = reachedMen; }
        public Long getReachedChildren() { return reachedChildren; }
        public void setReachedChildren(Long reachedChildren) { this.reachedChildren = reachedChildren; }
        public Long getReachedElderly() { return reachedElderly; }
        public void setReachedElderly(Long reachedElderly) { this.reachedElderly = reachedElderly; }
        public ActivityStatus getStatus() { return status; }
        public void setStatus(ActivityStatus status) { this.status = status; }
    }

    /** A file's bytes as text: UTF-8, without the byte-order mark spreadsheets put in front. */
    static String text(byte[] bytes) {
        String t = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        return t.startsWith("\uFEFF") ? t.substring(1) : t;
    }

    /** A pasted CSV; a chosen file comes beside it as the request's "file" part. */
    public static class ImportForm {
        @Size(max = 5_000_000) private String csv;

        public String getCsv() { return csv; }
        public void setCsv(String csv) { this.csv = csv; }
    }

    public static class CargoRow {
        @Size(max = 200) private String commodity;
        private BigDecimal quantity;
        @Size(max = 40) private String unit;

        boolean isBlank() {
            return (commodity == null || commodity.isBlank()) && quantity == null && (unit == null || unit.isBlank());
        }

        public String getCommodity() { return commodity; }
        public void setCommodity(String commodity) { this.commodity = commodity; }
        public BigDecimal getQuantity() { return quantity; }
        public void setQuantity(BigDecimal quantity) { this.quantity = quantity; }
        public String getUnit() { return unit; }
        public void setUnit(String unit) { this.unit = unit; }
    }

    public static class DeliveryForm {
        @NotNull private Long organisationId;
        @NotBlank @Size(max = 200) private String title;
        @NotNull private Sector sector;
        @NotBlank @Size(max = 200) private String origin;
        @NotBlank @Size(max = 200) private String destination;
        @NotBlank private String destinationPcode;
        @NotBlank @Size(max = 2000) private String route;
        @NotNull private Long peopleToReach;
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) private LocalDateTime plannedDeparture;
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) private LocalDateTime plannedArrival;
        private List<CargoRow> cargo = new ArrayList<>(List.of(new CargoRow(), new CargoRow(), new CargoRow()));
        /** Why the plan changed; asked only when a delivery is changed. */
        @Size(max = 2000) private String reason;

        static DeliveryForm of(Deliveries.Delivery d) {
            DeliveryForm f = new DeliveryForm();
            f.organisationId = d.organisationId();
            f.title = d.title();
            f.sector = d.sector();
            f.origin = d.origin();
            f.destination = d.destination();
            f.destinationPcode = d.destinationPcode();
            f.route = d.route();
            f.peopleToReach = d.peopleToReach();
            f.plannedDeparture = LocalDateTime.ofInstant(d.plannedDeparture(), ZoneOffset.UTC);
            f.plannedArrival = LocalDateTime.ofInstant(d.plannedArrival(), ZoneOffset.UTC);
            f.cargo = new ArrayList<>();
            for (Deliveries.CargoLine l : d.cargo()) {
                CargoRow r = new CargoRow();
                r.commodity = l.commodity();
                r.quantity = l.quantity().stripTrailingZeros();
                r.unit = l.unit();
                f.cargo.add(r);
            }
            while (f.cargo.size() < 3) {
                f.cargo.add(new CargoRow());
            }
            return f;
        }

        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }

        Deliveries.NewDelivery command() {
            List<Deliveries.CargoLine> lines = new ArrayList<>();
            for (CargoRow r : cargo) {
                if (!r.isBlank()) {
                    lines.add(new Deliveries.CargoLine(r.commodity == null ? "" : r.commodity, r.quantity, r.unit == null ? "" : r.unit));
                }
            }
            return new Deliveries.NewDelivery(organisationId, title, sector, origin, destination, destinationPcode, route, peopleToReach,
                    plannedDeparture.toInstant(ZoneOffset.UTC), plannedArrival.toInstant(ZoneOffset.UTC), lines);
        }

        public Long getOrganisationId() { return organisationId; }
        public void setOrganisationId(Long organisationId) { this.organisationId = organisationId; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public Sector getSector() { return sector; }
        public void setSector(Sector sector) { this.sector = sector; }
        public String getOrigin() { return origin; }
        public void setOrigin(String origin) { this.origin = origin; }
        public String getDestination() { return destination; }
        public void setDestination(String destination) { this.destination = destination; }
        public String getDestinationPcode() { return destinationPcode; }
        public void setDestinationPcode(String destinationPcode) { this.destinationPcode = destinationPcode; }
        public String getRoute() { return route; }
        public void setRoute(String route) { this.route = route; }
        public Long getPeopleToReach() { return peopleToReach; }
        public void setPeopleToReach(Long peopleToReach) { this.peopleToReach = peopleToReach; }
        public LocalDateTime getPlannedDeparture() { return plannedDeparture; }
        public void setPlannedDeparture(LocalDateTime plannedDeparture) { this.plannedDeparture = plannedDeparture; }
        public LocalDateTime getPlannedArrival() { return plannedArrival; }
        public void setPlannedArrival(LocalDateTime plannedArrival) { this.plannedArrival = plannedArrival; }
        public List<CargoRow> getCargo() { return cargo; }
        public void setCargo(List<CargoRow> cargo) { this.cargo = cargo; }
    }

    public static class CorrectionForm {
        @NotNull private Long peopleReached;
        @NotBlank @Size(max = 2000) private String reason;

        Deliveries.Correction command() {
            return new Deliveries.Correction(peopleReached, reason);
        }

        public Long getPeopleReached() { return peopleReached; }
        public void setPeopleReached(Long peopleReached) { this.peopleReached = peopleReached; }
        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

    public static class NotifyForm {
        private List<Long> partyIds = new ArrayList<>();

        public List<Long> getPartyIds() { return partyIds; }
        public void setPartyIds(List<Long> partyIds) { this.partyIds = partyIds == null ? new ArrayList<>() : partyIds; }
    }

    public static class AckForm {
        @NotNull private Boolean acknowledged;
        @Size(max = 2000) private String note;

        public Boolean getAcknowledged() { return acknowledged; }
        public void setAcknowledged(Boolean acknowledged) { this.acknowledged = acknowledged; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    public static class StatusForm {
        @NotNull private DeliveryStatus status;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) private LocalDateTime at;
        private Long peopleReached;
        @Size(max = 2000) private String note;

        Deliveries.StatusChange command() {
            return new Deliveries.StatusChange(status, at == null ? null : at.toInstant(ZoneOffset.UTC), peopleReached, note);
        }

        public DeliveryStatus getStatus() { return status; }
        public void setStatus(DeliveryStatus status) { this.status = status; }
        public LocalDateTime getAt() { return at; }
        public void setAt(LocalDateTime at) { this.at = at; }
        public Long getPeopleReached() { return peopleReached; }
        public void setPeopleReached(Long peopleReached) { this.peopleReached = peopleReached; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    public static class AgreeForm {
        @NotNull private Boolean agreed;

        public Boolean getAgreed() { return agreed; }
        public void setAgreed(Boolean agreed) { this.agreed = agreed; }
    }

    public static class OutcomeForm {
        @NotNull private CorridorOutcome outcome;
        @NotBlank @Size(max = 4000) private String reason;
        private boolean override;

        Corridors.OutcomeChange command() {
            return new Corridors.OutcomeChange(outcome, reason, override);
        }

        public CorridorOutcome getOutcome() { return outcome; }
        public void setOutcome(CorridorOutcome outcome) { this.outcome = outcome; }
        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
        public boolean isOverride() { return override; }
        public void setOverride(boolean override) { this.override = override; }
    }
    public static class CorridorForm {
        @NotNull private CorridorPurpose purpose = CorridorPurpose.EVACUATION;
        @NotBlank @Size(max = 200) private String fromName;
        @NotBlank @Size(max = 200) private String toName;
        @Size(max = 2000) private String route;
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) private LocalDateTime windowStart;
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) private LocalDateTime windowEnd;
        @Size(max = 20_000) private String routePoints;
        private Integer bufferMetres = Corridors.DEFAULT_BUFFER_METRES;

        Corridors.NewCorridor command() {
            return new Corridors.NewCorridor(purpose, fromName, toName, route, null, null, null, null,
                    windowStart.toInstant(ZoneOffset.UTC), windowEnd.toInstant(ZoneOffset.UTC), points(routePoints), bufferMetres);
        }

        /** One point a line, "latitude, longitude" (a space or a semicolon also separates); every bad line is reported. */
        static List<Corridors.Point> points(String text) {
            List<Corridors.Point> points = new ArrayList<>();
            List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
            String[] lines = text == null ? new String[0] : text.split("\\R");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].trim();
                if (line.isEmpty()) {
                    continue;
                }
                String[] parts = line.split("\\s*[,;\\s]\\s*");
                try {
                    if (parts.length != 2) {
                        throw new NumberFormatException(line);
                    }
                    points.add(new Corridors.Point(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
                } catch (NumberFormatException e) {
                    problems.add(new InvalidInputException.FieldProblem("routePoints", "humanitarian.corridor.routeLine", i + 1, line));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return points;
        }

        public CorridorPurpose getPurpose() { return purpose; }
        public void setPurpose(CorridorPurpose purpose) { this.purpose = purpose; }
        public String getFromName() { return fromName; }
        public void setFromName(String fromName) { this.fromName = fromName; }
        public String getToName() { return toName; }
        public void setToName(String toName) { this.toName = toName; }
        public String getRoute() { return route; }
        public void setRoute(String route) { this.route = route; }
        public LocalDateTime getWindowStart() { return windowStart; }
        public void setWindowStart(LocalDateTime windowStart) { this.windowStart = windowStart; }
        public LocalDateTime getWindowEnd() { return windowEnd; }
        public void setWindowEnd(LocalDateTime windowEnd) { this.windowEnd = windowEnd; }
        public String getRoutePoints() { return routePoints; }
        public void setRoutePoints(String routePoints) { this.routePoints = routePoints; }
        public Integer getBufferMetres() { return bufferMetres; }
        public void setBufferMetres(Integer bufferMetres) { this.bufferMetres = bufferMetres; }
    }

    public static class FundingForm {
        @NotBlank @Size(max = 200) private String donor;
        @NotBlank @Size(max = 200) private String recipient;
        @NotNull private FundingFlow flow;
        @NotNull private BigDecimal amountUsd;
        private Sector sector;
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate date;
        @Size(max = 2000) private String description;

        Funding.NewFlow command() {
            return new Funding.NewFlow(donor, recipient, flow, amountUsd, sector, date, description);
        }

        public String getDonor() { return donor; }
        public void setDonor(String donor) { this.donor = donor; }
        public String getRecipient() { return recipient; }
        public void setRecipient(String recipient) { this.recipient = recipient; }
        public FundingFlow getFlow() { return flow; }
        public void setFlow(FundingFlow flow) { this.flow = flow; }
        public BigDecimal getAmountUsd() { return amountUsd; }
        public void setAmountUsd(BigDecimal amountUsd) { this.amountUsd = amountUsd; }
        public Sector getSector() { return sector; }
        public void setSector(Sector sector) { this.sector = sector; }
        public LocalDate getDate() { return date; }
        public void setDate(LocalDate date) { this.date = date; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
    }

    public static class RoundForm {
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate heldOn;
        @NotNull private Integer releasedA;
        @NotNull private Integer releasedB;
        @NotNull private Long verifiedById;

        Exchanges.NewRound command() {
            return new Exchanges.NewRound(heldOn, releasedA, releasedB, verifiedById);
        }

        public LocalDate getHeldOn() { return heldOn; }
        public void setHeldOn(LocalDate heldOn) { this.heldOn = heldOn; }
        public Integer getReleasedA() { return releasedA; }
        public void setReleasedA(Integer releasedA) { this.releasedA = releasedA; }
        public Integer getReleasedB() { return releasedB; }
        public void setReleasedB(Integer releasedB) { this.releasedB = releasedB; }
        public Long getVerifiedById() { return verifiedById; }
        public void setVerifiedById(Long verifiedById) { this.verifiedById = verifiedById; }
    }
    public static class ExchangeForm {
        @NotNull private ExchangeKind kind = ExchangeKind.PRISONERS_OF_WAR;
        @NotBlank @Size(max = 300) private String title;
        @NotNull private Long sideAPartyId;
        @NotNull private Long sideBPartyId;
        @NotNull private Integer agreedA;
        @NotNull private Integer agreedB;
        private Long verifierId;
        private Long milestoneId;

        Exchanges.NewExchange command() {
            return new Exchanges.NewExchange(kind, title, sideAPartyId, sideBPartyId, agreedA, agreedB, verifierId, milestoneId);
        }

        public ExchangeKind getKind() { return kind; }
        public void setKind(ExchangeKind kind) { this.kind = kind; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public Long getSideAPartyId() { return sideAPartyId; }
        public void setSideAPartyId(Long sideAPartyId) { this.sideAPartyId = sideAPartyId; }
        public Long getSideBPartyId() { return sideBPartyId; }
        public void setSideBPartyId(Long sideBPartyId) { this.sideBPartyId = sideBPartyId; }
        public Integer getAgreedA() { return agreedA; }
        public void setAgreedA(Integer agreedA) { this.agreedA = agreedA; }
        public Integer getAgreedB() { return agreedB; }
        public void setAgreedB(Integer agreedB) { this.agreedB = agreedB; }
        public Long getVerifierId() { return verifierId; }
        public void setVerifierId(Long verifierId) { this.verifierId = verifierId; }
        public Long getMilestoneId() { return milestoneId; }
        public void setMilestoneId(Long milestoneId) { this.milestoneId = milestoneId; }
    }
}
