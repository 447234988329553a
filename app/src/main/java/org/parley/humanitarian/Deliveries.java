package org.parley.humanitarian;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.parley.humanitarian.Humanitarian.NewActivity;
import org.parley.platform.ConflictException;
import org.parley.platform.ForbiddenException;
import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;
import org.parley.platform.NotFoundException;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.parley.process.Party;
import org.parley.process.Processes;
import org.parley.publicrecord.Fact;
import org.parley.publicrecord.PublicRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliveries and convoys. An agency requests one, notifies the parties whose lines it crosses, each party's
 * delegates acknowledge it, and once all have it is deconflicted; then it is under way and ends delivered,
 * blocked or attacked. A delivered convoy counts as a 4W activity in its destination, and every outcome goes
 * on the public record. Routes and times are for the signed-in only; a delegate sees only the deliveries
 * notified to their party.
 */
@Service
@Transactional(readOnly = true)
public class Deliveries {

    public record CargoLine(@NotBlank @Size(max = 200) String commodity, @NotNull BigDecimal quantity, @NotBlank @Size(max = 40) String unit) {
    }

    public record NewDelivery(@NotNull Long organisationId, @NotBlank @Size(max = 200) String title, @NotNull Sector sector,
                              @NotBlank @Size(max = 200) String origin, @NotBlank @Size(max = 200) String destination,
                              @NotBlank String destinationPcode, @NotBlank @Size(max = 2000) String route, @NotNull Long peopleToReach,
                              @NotNull Instant plannedDeparture, @NotNull Instant plannedArrival,
                              @NotEmpty @Size(max = 50) List<@Valid CargoLine> cargo) {
    }

    public record Notification(@NotEmpty List<Long> partyIds) {
    }

    public record Acknowledgement(@NotNull Boolean acknowledged, @Size(max = 2000) String note) {
    }

    public record StatusChange(@NotNull DeliveryStatus status, Instant at, Long peopleReached, @Size(max = 2000) String note) {
    }

    public record PartyNotice(long partyId, String party, Instant notifiedAt, Instant acknowledgedAt, String note) {
        public boolean acknowledged() {
            return acknowledgedAt != null;
        }
    }

    public record HistoryEntry(DeliveryStatus from, DeliveryStatus to, Instant at, String by, String note) {
    }

    /** A change of a planned delivery: the whole plan again, and why it changed. */
    public record Change(@NotNull @Valid NewDelivery plan, @NotBlank @Size(max = 2000) String reason) {
    }

    /** A correction of the people a delivered convoy reached, with the reason. */
    public record Correction(@NotNull Long peopleReached, @NotBlank @Size(max = 2000) String reason) {
    }

    public record Delivery(long id, long processId, long organisationId, String organisation, String title, Sector sector, String origin,
                           String destination, String destinationPcode, String route, long peopleToReach, Instant plannedDeparture,
                           Instant plannedArrival, Instant actualDeparture, Instant actualArrival, Long peopleReached, DeliveryStatus status,
                           List<CargoLine> cargo, List<PartyNotice> parties, List<HistoryEntry> history) {
    }

    private final JdbcClient jdbc;
    private final Humanitarian humanitarian;
    private final Processes processes;
    private final PublicRecord record;
    private final Clock clock;

    Deliveries(JdbcClient jdbc, Humanitarian humanitarian, Processes processes, PublicRecord record, Clock clock) {
        this.jdbc = jdbc;
        this.humanitarian = humanitarian;
        this.processes = processes;
        this.record = record;
        this.clock = clock;
    }

    public List<Delivery> deliveries(long processId, Viewer viewer) {
        requireReader(processId, viewer);
        List<Long> ids = viewer.is(Role.DELEGATE)
                ? jdbc.sql("""
                        SELECT d.id FROM hum_delivery d JOIN hum_delivery_party p ON p.delivery_id = d.id
                        WHERE d.process_id = ? AND p.party_id = ? ORDER BY d.planned_departure DESC, d.id DESC""")
                .params(processId, viewer.partyId() == null ? -1L : viewer.partyId()).query(Long.class).list()
                : jdbc.sql("SELECT id FROM hum_delivery WHERE process_id = ? ORDER BY planned_departure DESC, id DESC").param(processId)
                .query(Long.class).list();
        return ids.stream().map(id -> load(processId, id)).toList();
    }

    public Delivery delivery(long processId, long deliveryId, Viewer viewer) {
        requireReader(processId, viewer);
        Delivery d = load(processId, deliveryId);
        if (viewer.is(Role.DELEGATE) && d.parties().stream().noneMatch(p -> viewer.partyId() != null && p.partyId() == viewer.partyId())) {
            throw new NotFoundException("delivery", deliveryId); // not notified to the delegate's party: not theirs to know of
        }
        return d;
    }

    /** Counts of deliveries by status, for the public dashboard (no routes, no times). */
    public Map<DeliveryStatus, Long> countsByStatus(long processId) {
        processes.get(processId);
        Map<DeliveryStatus, Long> counts = new LinkedHashMap<>();
        for (DeliveryStatus s : DeliveryStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("SELECT status, count(*) FROM hum_delivery WHERE process_id = ? GROUP BY status").param(processId)
                .query(rs -> {
                    counts.put(DeliveryStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    @Transactional
    public Delivery request(long processId, NewDelivery c, Viewer viewer) {
        humanitarian.requireManager(processId, viewer);
        validate(processId, c);
        long id = jdbc.sql("""
                        INSERT INTO hum_delivery (process_id, organisation_id, title, sector, origin, destination, destination_pcode, route,
                                                  people_to_reach, planned_departure, planned_arrival, status, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?) RETURNING id""")
                .params(processId, c.organisationId(), c.title().trim(), c.sector().name(), c.origin().trim(), c.destination().trim(),
                        c.destinationPcode().trim().toUpperCase(Locale.ROOT), c.route().trim(), c.peopleToReach(),
                        utc(c.plannedDeparture()), utc(c.plannedArrival()), viewer.accountId()).query(Long.class).single();
        insertCargo(id, c.cargo());
        history(id, null, DeliveryStatus.REQUESTED, viewer, null);
        return load(processId, id);
    }

    /**
     * Changes the plan of a delivery that has not left. The parties acknowledged the plan they were sent, so a
     * changed plan is theirs to acknowledge again: acknowledgements are cleared and a deconflicted delivery is
     * notified again.
     */
    @Transactional
    public Delivery change(long processId, long deliveryId, Change change, Viewer viewer) {
        humanitarian.requireManager(processId, viewer);
        Delivery d = lock(processId, deliveryId);
        if (d.status() != DeliveryStatus.REQUESTED && d.status() != DeliveryStatus.NOTIFIED && d.status() != DeliveryStatus.DECONFLICTED) {
            throw new ConflictException("humanitarian.delivery.changeTooLate", d.status().name());
        }
        NewDelivery c = change.plan();
        validate(processId, c);
        jdbc.sql("""
                        UPDATE hum_delivery SET organisation_id = ?, title = ?, sector = ?, origin = ?, destination = ?, destination_pcode = ?, route = ?,
                                                people_to_reach = ?, planned_departure = ?, planned_arrival = ?
                        WHERE id = ?""")
                .params(c.organisationId(), c.title().trim(), c.sector().name(), c.origin().trim(), c.destination().trim(),
                        c.destinationPcode().trim().toUpperCase(Locale.ROOT), c.route().trim(), c.peopleToReach(), utc(c.plannedDeparture()),
                        utc(c.plannedArrival()), deliveryId).update();
        jdbc.sql("DELETE FROM hum_delivery_cargo WHERE delivery_id = ?").param(deliveryId).update();
        insertCargo(deliveryId, c.cargo());
        jdbc.sql("UPDATE hum_delivery_party SET acknowledged_at = NULL, acknowledged_by = NULL, note = NULL WHERE delivery_id = ?")
                .param(deliveryId).update();
        DeliveryStatus now = d.status() == DeliveryStatus.DECONFLICTED ? DeliveryStatus.NOTIFIED : d.status();
        setStatus(deliveryId, now);
        history(deliveryId, d.status(), now, viewer, change.reason().trim());
        return load(processId, deliveryId);
    }

    /** Corrects the people a delivered convoy reached; its 4W activity follows, and the correction goes on the public record. */
    @Transactional
    public Delivery correct(long processId, long deliveryId, Correction c, Viewer viewer) {
        humanitarian.requireManager(processId, viewer);
        Delivery d = lock(processId, deliveryId);
        if (d.status() != DeliveryStatus.DELIVERED) {
            throw new ConflictException("humanitarian.delivery.correctDeliveredOnly", d.status().name());
        }
        if (c.peopleReached() < 0) {
            throw new InvalidInputException("peopleReached", "humanitarian.number.negative");
        }
        jdbc.sql("UPDATE hum_delivery SET people_reached = ? WHERE id = ?").params(c.peopleReached(), deliveryId).update();
        jdbc.sql("UPDATE hum_activity SET people_reached = ?, updated_by = ?, updated_at = now() WHERE delivery_id = ?")
                .params(c.peopleReached(), viewer.accountId(), deliveryId).update();
        history(deliveryId, d.status(), d.status(), viewer, c.reason().trim());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("peopleReachedBefore", d.peopleReached());
        data.put("peopleReached", c.peopleReached());
        data.put("reasonSha256", Corridors.sha256(c.reason().trim()));
        record.append(Fact.of("delivery.corrected", processId, "delivery/" + deliveryId, clock.instant(), viewer.role().name(), data));
        return load(processId, deliveryId);
    }

    private void insertCargo(long deliveryId, List<CargoLine> cargo) {
        for (int i = 0; i < cargo.size(); i++) {
            CargoLine l = cargo.get(i);
            jdbc.sql("INSERT INTO hum_delivery_cargo (delivery_id, line_no, commodity, quantity, unit) VALUES (?, ?, ?, ?, ?)")
                    .params(deliveryId, i + 1, l.commodity().trim(), l.quantity(), l.unit().trim()).update();
        }
    }

    private void validate(long processId, NewDelivery c) {
        List<FieldProblem> problems = new ArrayList<>();
        if (humanitarian.organisations(processId).stream().noneMatch(o -> o.id() == c.organisationId())) {
            problems.add(new FieldProblem("organisationId", "humanitarian.organisation.unknown", c.organisationId()));
        }
        humanitarian.knownArea("destinationPcode", c.destinationPcode(), problems);
        Humanitarian.notNegative("peopleToReach", c.peopleToReach(), problems);
        if (c.plannedArrival().isBefore(c.plannedDeparture())) {
            problems.add(new FieldProblem("plannedArrival", "humanitarian.window.endBeforeStart"));
        }
        if (c.cargo() == null || c.cargo().isEmpty()) {
            problems.add(new FieldProblem("cargo", "humanitarian.cargo.required"));
        }
        for (int i = 0; c.cargo() != null && i < c.cargo().size(); i++) {
            CargoLine line = c.cargo().get(i);
            if (line.commodity() == null || line.commodity().isBlank() || line.unit() == null || line.unit().isBlank() || line.quantity() == null) {
                problems.add(new FieldProblem("cargo[" + i + "].commodity", "humanitarian.cargo.incomplete"));
            } else if (line.quantity().signum() <= 0) {
                problems.add(new FieldProblem("cargo[" + i + "].quantity", "humanitarian.cargo.quantityPositive"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    @Transactional
    public Delivery notifyParties(long processId, long deliveryId, Notification n, Viewer viewer) {
        humanitarian.requireManager(processId, viewer);
        Delivery d = lock(processId, deliveryId);
        if (d.status() != DeliveryStatus.REQUESTED && d.status() != DeliveryStatus.NOTIFIED) {
            throw new ConflictException("humanitarian.delivery.notifyTooLate", d.status().name());
        }
        processes.requireParties(processId, "partyIds", n.partyIds());
        Instant now = clock.instant();
        for (Long partyId : n.partyIds().stream().distinct().toList()) {
            jdbc.sql("INSERT INTO hum_delivery_party (delivery_id, party_id, notified_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(deliveryId, partyId, utc(now)).update();
        }
        if (d.status() == DeliveryStatus.REQUESTED) {
            setStatus(deliveryId, DeliveryStatus.NOTIFIED);
            history(deliveryId, DeliveryStatus.REQUESTED, DeliveryStatus.NOTIFIED, viewer, null);
        }
        return load(processId, deliveryId);
    }

    /** A delegate acknowledges the notification for their own party; when every notified party has, it is deconflicted. */
    @Transactional
    public Delivery acknowledge(long processId, long deliveryId, Acknowledgement a, Viewer viewer) {
        processes.get(processId);
        if (!viewer.is(Role.DELEGATE) || viewer.partyId() == null) {
            throw new ForbiddenException("humanitarian.delivery.delegatesOnly");
        }
        Delivery d = lock(processId, deliveryId);
        PartyNotice notice = d.parties().stream().filter(p -> p.partyId() == viewer.partyId()).findFirst()
                .orElseThrow(() -> new NotFoundException("delivery", deliveryId));
        if (!Boolean.TRUE.equals(a.acknowledged())) {
            throw new InvalidInputException("acknowledged", "humanitarian.delivery.ackRequired");
        }
        if (notice.acknowledged()) {
            throw new ConflictException("humanitarian.delivery.alreadyAcknowledged");
        }
        if (d.status() != DeliveryStatus.NOTIFIED) {
            throw new ConflictException("humanitarian.delivery.notAwaitingAck", d.status().name());
        }
        jdbc.sql("UPDATE hum_delivery_party SET acknowledged_at = ?, acknowledged_by = ?, note = ? WHERE delivery_id = ? AND party_id = ?")
                .params(utc(clock.instant()), viewer.accountId(), blankToNull(a.note()), deliveryId, viewer.partyId()).update();
        Delivery after = load(processId, deliveryId);
        if (after.parties().stream().allMatch(PartyNotice::acknowledged)) {
            setStatus(deliveryId, DeliveryStatus.DECONFLICTED);
            history(deliveryId, DeliveryStatus.NOTIFIED, DeliveryStatus.DECONFLICTED, viewer, null);
            after = load(processId, deliveryId);
        }
        return after;
    }

    @Transactional
    public Delivery changeStatus(long processId, long deliveryId, StatusChange c, Viewer viewer) {
        humanitarian.requireManager(processId, viewer);
        Delivery d = lock(processId, deliveryId);
        if (!d.status().next().contains(c.status())) {
            throw new ConflictException("humanitarian.delivery.illegalStatus", d.status().name(), c.status().name());
        }
        Instant at = c.at() == null ? clock.instant() : c.at();
        if (at.isAfter(clock.instant().plusSeconds(300))) {
            throw new InvalidInputException("at", "humanitarian.delivery.inFuture");
        }
        switch (c.status()) {
            case UNDER_WAY -> jdbc.sql("UPDATE hum_delivery SET actual_departure = ? WHERE id = ?").params(utc(at), deliveryId).update();
            case DELIVERED -> {
                if (c.peopleReached() == null) {
                    throw new InvalidInputException("peopleReached", "humanitarian.delivery.reachedRequired");
                }
                if (c.peopleReached() < 0) {
                    throw new InvalidInputException("peopleReached", "humanitarian.number.negative");
                }
                if (d.actualDeparture() != null && at.isBefore(d.actualDeparture())) {
                    throw new InvalidInputException("at", "humanitarian.window.endBeforeStart");
                }
                jdbc.sql("UPDATE hum_delivery SET actual_arrival = ?, people_reached = ? WHERE id = ?")
                        .params(utc(at), c.peopleReached(), deliveryId).update();
                LocalDate from = (d.actualDeparture() == null ? at : d.actualDeparture()).atZone(ZoneOffset.UTC).toLocalDate();
                humanitarian.insert(processId, new NewActivity(d.organisationId(), d.sector(), "Delivery: " + d.title(), d.destinationPcode(),
                        from, at.atZone(ZoneOffset.UTC).toLocalDate(), d.peopleToReach(), c.peopleReached(), null, null, null, null,
                        ActivityStatus.COMPLETED), deliveryId);
            }
            default -> {
            }
        }
        setStatus(deliveryId, c.status());
        history(deliveryId, d.status(), c.status(), viewer, blankToNull(c.note()));
        if (c.status().isOutcome()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("outcome", c.status().name());
            data.put("organisation", d.organisation());
            data.put("sector", d.sector().name());
            data.put("destinationPcode", d.destinationPcode());
            data.put("peopleReached", c.status() == DeliveryStatus.DELIVERED ? c.peopleReached() : null);
            data.put("cargo", d.cargo().stream().map(l -> l.quantity().stripTrailingZeros().toPlainString() + " " + l.unit() + " " + l.commodity()).toList());
            data.put("acknowledgedBy", d.parties().stream().filter(PartyNotice::acknowledged).map(PartyNotice::party).toList());
            record.append(Fact.of("delivery.outcome", processId, "delivery/" + deliveryId, at, viewer.role().name(), data));
        }
        return load(processId, deliveryId);
    }

    // --- helpers

    private void requireReader(long processId, Viewer viewer) {
        processes.get(processId);
        if (viewer.isAnonymous()) {
            throw new ForbiddenException("humanitarian.error.signInForDeliveries");
        }
    }

    private Delivery lock(long processId, long deliveryId) {
        jdbc.sql("SELECT id FROM hum_delivery WHERE id = ? AND process_id = ? FOR UPDATE").params(deliveryId, processId)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("delivery", deliveryId));
        return load(processId, deliveryId);
    }

    private void setStatus(long deliveryId, DeliveryStatus status) {
        jdbc.sql("UPDATE hum_delivery SET status = ? WHERE id = ?").params(status.name(), deliveryId).update();
    }

    private void history(long deliveryId, DeliveryStatus from, DeliveryStatus to, Viewer viewer, String note) {
        jdbc.sql("INSERT INTO hum_delivery_history (delivery_id, from_status, to_status, at, account_id, note) VALUES (?, ?, ?, ?, ?, ?)")
                .params(deliveryId, from == null ? null : from.name(), to.name(), utc(clock.instant()), viewer.accountId(), note).update();
    }

    private Delivery load(long processId, long id) {
        Map<Long, Party> parties = new LinkedHashMap<>();
        processes.parties(processId).forEach(p -> parties.put(p.id(), p));
        List<CargoLine> cargo = jdbc.sql("SELECT commodity, quantity, unit FROM hum_delivery_cargo WHERE delivery_id = ? ORDER BY line_no")
                .param(id).query((rs, n) -> new CargoLine(rs.getString(1), rs.getBigDecimal(2), rs.getString(3))).list();
        List<PartyNotice> notices = jdbc.sql("""
                        SELECT party_id, notified_at, acknowledged_at, note FROM hum_delivery_party WHERE delivery_id = ? ORDER BY party_id""")
                .param(id).query((rs, n) -> new PartyNotice(rs.getLong(1), parties.containsKey(rs.getLong(1)) ? parties.get(rs.getLong(1)).shortName() : "?",
                        instant(rs.getObject(2, OffsetDateTime.class)), instant(rs.getObject(3, OffsetDateTime.class)), rs.getString(4))).list();
        List<HistoryEntry> history = jdbc.sql("""
                        SELECT h.from_status, h.to_status, h.at, a.display_name, h.note FROM hum_delivery_history h
                        LEFT JOIN account a ON a.id = h.account_id WHERE h.delivery_id = ? ORDER BY h.id""")
                .param(id).query((rs, n) -> new HistoryEntry(rs.getString(1) == null ? null : DeliveryStatus.valueOf(rs.getString(1)),
                        DeliveryStatus.valueOf(rs.getString(2)), instant(rs.getObject(3, OffsetDateTime.class)), rs.getString(4), rs.getString(5))).list();
        return jdbc.sql("""
                        SELECT d.id, d.process_id, d.organisation_id, o.acronym, d.title, d.sector, d.origin, d.destination, d.destination_pcode, d.route,
                               d.people_to_reach, d.planned_departure, d.planned_arrival, d.actual_departure, d.actual_arrival, d.people_reached, d.status
                        FROM hum_delivery d JOIN hum_organisation o ON o.id = d.organisation_id WHERE d.id = ? AND d.process_id = ?""")
                .params(id, processId).query((rs, n) -> new Delivery(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        Sector.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getLong(11),
                        instant(rs.getObject(12, OffsetDateTime.class)), instant(rs.getObject(13, OffsetDateTime.class)),
                        instant(rs.getObject(14, OffsetDateTime.class)), instant(rs.getObject(15, OffsetDateTime.class)), (Long) rs.getObject(16),
                        DeliveryStatus.valueOf(rs.getString(17)), cargo, notices, history)).optional()
                .orElseThrow(() -> new NotFoundException("delivery", id));
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
