package org.parley.humanitarian;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.parley.humanitarian.Humanitarian.Area;
import org.parley.humanitarian.Humanitarian.AreaGap;
import org.parley.humanitarian.Humanitarian.Gap;
import org.parley.humanitarian.Humanitarian.Warning;
import org.parley.platform.InvalidInputException;
import org.parley.platform.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The humanitarian feature's JSON API; CSV where the conventions are CSV (4W as HXL, the real-data imports). */
@RestController
@RequestMapping("/api/v1/processes/{processId}/humanitarian")
class HumanitarianApi {

    record Recorded(Object value, List<String> warnings) {
    }

    record Imported(Object result, List<String> warnings) {
    }

    record Gaps(List<Gap> byAreaAndSector, List<AreaGap> byArea) {
    }

    record Summary(Map<DeliveryStatus, Long> deliveriesByStatus, Corridors.Summary corridors, GrainVoyages.Totals grain,
                   List<Exchanges.Exchange> exchanges, Funding.Totals funding, long activities) {
    }

    private final Humanitarian humanitarian;
    private final HxlActivities hxl;
    private final Deliveries deliveries;
    private final Corridors corridors;
    private final GrainVoyages grain;
    private final Exchanges exchanges;
    private final Funding funding;
    private final FundingCsv fundingCsv;
    private final MessageSource messages;

    HumanitarianApi(Humanitarian humanitarian, HxlActivities hxl, Deliveries deliveries, Corridors corridors, GrainVoyages grain,
                    Exchanges exchanges, Funding funding, FundingCsv fundingCsv, MessageSource messages) {
        this.fundingCsv = fundingCsv;
        this.humanitarian = humanitarian;
        this.hxl = hxl;
        this.deliveries = deliveries;
        this.corridors = corridors;
        this.grain = grain;
        this.exchanges = exchanges;
        this.funding = funding;
        this.messages = messages;
    }

    @GetMapping("/summary")
    Summary summary(@PathVariable long processId) {
        return new Summary(deliveries.countsByStatus(processId), corridors.summary(processId), grain.overview(processId).totals(),
                exchanges.exchanges(processId), funding.overview(processId).all(), humanitarian.activityCount(processId));
    }

    @GetMapping("/areas")
    List<Area> areas(@PathVariable long processId) {
        humanitarian.organisations(processId);
        return humanitarian.areas();
    }

    @GetMapping("/organisations")
    List<Humanitarian.Organisation> organisations(@PathVariable long processId) {
        return humanitarian.organisations(processId);
    }

    @PostMapping("/organisations")
    ResponseEntity<Humanitarian.Organisation> addOrganisation(@PathVariable long processId, @Valid @RequestBody Humanitarian.NewOrganisation c) {
        Humanitarian.Organisation o = humanitarian.addOrganisation(processId, c, Viewer.current());
        return ResponseEntity.created(URI.create("/api/v1/processes/" + processId + "/humanitarian/organisations")).body(o);
    }

    @GetMapping("/needs")
    List<Humanitarian.Need> needs(@PathVariable long processId) {
        return humanitarian.needs(processId);
    }

    @PostMapping("/needs")
    ResponseEntity<Humanitarian.Need> addNeed(@PathVariable long processId, @Valid @RequestBody Humanitarian.NewNeed c) {
        return ResponseEntity.status(201).body(humanitarian.addNeed(processId, c, Viewer.current()));
    }

    @PutMapping("/needs/{needId}")
    Humanitarian.Need changeNeed(@PathVariable long processId, @PathVariable long needId, @Valid @RequestBody Humanitarian.NewNeed c) {
        return humanitarian.changeNeed(processId, needId, c, Viewer.current());
    }

    @DeleteMapping("/needs/{needId}")
    ResponseEntity<Void> removeNeed(@PathVariable long processId, @PathVariable long needId) {
        humanitarian.removeNeed(processId, needId, Viewer.current());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/activities/{activityId}")
    Humanitarian.Activity activity(@PathVariable long processId, @PathVariable long activityId) {
        humanitarian.organisations(processId);
        return humanitarian.activity(processId, activityId);
    }

    @PutMapping("/activities/{activityId}")
    Recorded changeActivity(@PathVariable long processId, @PathVariable long activityId, @Valid @RequestBody Humanitarian.NewActivity c) {
        Humanitarian.Recorded r = humanitarian.changeActivity(processId, activityId, c, Viewer.current());
        return new Recorded(r.activity(), text(r.warnings()));
    }

    @DeleteMapping("/activities/{activityId}")
    ResponseEntity<Void> removeActivity(@PathVariable long processId, @PathVariable long activityId) {
        humanitarian.removeActivity(processId, activityId, Viewer.current());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/activities")
    List<Humanitarian.Activity> activities(@PathVariable long processId, @RequestParam(defaultValue = "200") int limit) {
        return humanitarian.activities(processId, Math.max(1, Math.min(limit, 5000)));
    }

    @PostMapping("/activities")
    ResponseEntity<Recorded> addActivity(@PathVariable long processId, @Valid @RequestBody Humanitarian.NewActivity c) {
        Humanitarian.Recorded r = humanitarian.addActivity(processId, c, Viewer.current());
        return ResponseEntity.status(201).body(new Recorded(r.activity(), text(r.warnings())));
    }

    @GetMapping(value = "/activities/export", produces = "text/csv")
    ResponseEntity<byte[]> export(@PathVariable long processId) {
        return CsvDownload.of("4w-activities.csv", out -> hxl.export(processId, out));
    }

    @PostMapping("/activities/import")
    Imported importActivities(@PathVariable long processId, @RequestBody(required = false) String csv) {
        HxlActivities.ImportResult r = hxl.importCsv(processId, csv, Viewer.current());
        return new Imported(Map.of("imported", r.imported()), text(r.warnings()));
    }

    @GetMapping("/gaps")
    Gaps gaps(@PathVariable long processId, @RequestParam(required = false) Sector sector, @RequestParam(defaultValue = "1") int level) {
        if (level != 1 && level != 2) {
            throw new InvalidInputException("level", "humanitarian.gaps.levelUnknown");
        }
        return new Gaps(humanitarian.gaps(processId, sector, level), humanitarian.areaGaps(processId, sector));
    }

    @GetMapping("/deliveries")
    List<Deliveries.Delivery> deliveries(@PathVariable long processId) {
        return deliveries.deliveries(processId, Viewer.current());
    }

    @PostMapping("/deliveries")
    ResponseEntity<Deliveries.Delivery> request(@PathVariable long processId, @Valid @RequestBody Deliveries.NewDelivery c) {
        Deliveries.Delivery d = deliveries.request(processId, c, Viewer.current());
        return ResponseEntity.created(URI.create("/api/v1/processes/" + processId + "/humanitarian/deliveries/" + d.id())).body(d);
    }

    @GetMapping("/deliveries/{deliveryId}")
    Deliveries.Delivery delivery(@PathVariable long processId, @PathVariable long deliveryId) {
        return deliveries.delivery(processId, deliveryId, Viewer.current());
    }

    @PutMapping("/deliveries/{deliveryId}")
    Deliveries.Delivery changeDelivery(@PathVariable long processId, @PathVariable long deliveryId, @Valid @RequestBody Deliveries.Change c) {
        return deliveries.change(processId, deliveryId, c, Viewer.current());
    }

    @PostMapping("/deliveries/{deliveryId}/correction")
    Deliveries.Delivery correct(@PathVariable long processId, @PathVariable long deliveryId, @Valid @RequestBody Deliveries.Correction c) {
        return deliveries.correct(processId, deliveryId, c, Viewer.current());
    }

    @PostMapping("/deliveries/{deliveryId}/notify")
    Deliveries.Delivery notifyParties(@PathVariable long processId, @PathVariable long deliveryId, @Valid @RequestBody Deliveries.Notification n) {
        return deliveries.notifyParties(processId, deliveryId, n, Viewer.current());
    }

    @PostMapping("/deliveries/{deliveryId}/acknowledge")
    Deliveries.Delivery acknowledge(@PathVariable long processId, @PathVariable long deliveryId, @Valid @RequestBody Deliveries.Acknowledgement a) {
        return deliveries.acknowledge(processId, deliveryId, a, Viewer.current());
    }

    @PostMapping("/deliveries/{deliveryId}/status")
    Deliveries.Delivery status(@PathVariable long processId, @PathVariable long deliveryId, @Valid @RequestBody Deliveries.StatusChange c) {
        return deliveries.changeStatus(processId, deliveryId, c, Viewer.current());
    }

    @GetMapping("/corridors")
    List<Corridors.Corridor> corridors(@PathVariable long processId, @RequestParam(required = false) CorridorOutcome outcome,
                                       @RequestParam(defaultValue = "500") int limit) {
        return corridors.corridors(processId, outcome, Math.max(1, Math.min(limit, 5000)));
    }

    @PostMapping("/corridors")
    ResponseEntity<Corridors.Corridor> propose(@PathVariable long processId, @Valid @RequestBody Corridors.NewCorridor c) {
        Corridors.Corridor created = corridors.propose(processId, c, Viewer.current());
        return ResponseEntity.created(URI.create("/api/v1/processes/" + processId + "/humanitarian/corridors/" + created.id())).body(created);
    }

    @GetMapping("/corridors/{corridorId}")
    Corridors.Corridor corridor(@PathVariable long processId, @PathVariable long corridorId) {
        return corridors.corridor(processId, corridorId);
    }

    @PostMapping("/corridors/{corridorId}/agree")
    Corridors.Corridor agree(@PathVariable long processId, @PathVariable long corridorId, @Valid @RequestBody Corridors.Agreement a) {
        return corridors.agree(processId, corridorId, a, Viewer.current());
    }

    @PostMapping("/corridors/{corridorId}/outcome")
    Corridors.Corridor outcome(@PathVariable long processId, @PathVariable long corridorId, @Valid @RequestBody Corridors.OutcomeChange c) {
        return corridors.recordOutcome(processId, corridorId, c, Viewer.current());
    }

    @PostMapping("/corridors/import")
    Corridors.ImportResult importCorridors(@PathVariable long processId, @RequestBody(required = false) String csv) {
        return corridors.importPeaceRep(processId, csv, Viewer.current());
    }

    @GetMapping("/voyages")
    GrainVoyages.Overview voyages(@PathVariable long processId) {
        return grain.overview(processId);
    }

    @PostMapping("/voyages/import")
    GrainVoyages.ImportResult importVoyages(@PathVariable long processId, @RequestBody(required = false) String csv) {
        return grain.importShipments(processId, csv, Viewer.current());
    }

    @GetMapping("/exchanges")
    List<Exchanges.Exchange> exchanges(@PathVariable long processId) {
        return exchanges.exchanges(processId);
    }

    @PostMapping("/exchanges")
    ResponseEntity<Exchanges.Exchange> createExchange(@PathVariable long processId, @Valid @RequestBody Exchanges.NewExchange c) {
        return ResponseEntity.status(201).body(exchanges.create(processId, c, Viewer.current()));
    }

    @PostMapping("/exchanges/{exchangeId}/rounds")
    Exchanges.Exchange round(@PathVariable long processId, @PathVariable long exchangeId, @Valid @RequestBody Exchanges.NewRound r) {
        return exchanges.recordRound(processId, exchangeId, r, Viewer.current());
    }

    @GetMapping("/funding")
    Funding.Overview funding(@PathVariable long processId) {
        return funding.overview(processId);
    }

    @GetMapping("/funding/flows")
    List<Funding.Flow> flows(@PathVariable long processId) {
        return funding.flows(processId);
    }

    @GetMapping(value = "/funding/export", produces = "text/csv")
    ResponseEntity<byte[]> exportFunding(@PathVariable long processId) {
        return CsvDownload.of("funding-flows.csv", out -> fundingCsv.export(processId, out));
    }

    @PostMapping("/funding/import")
    Map<String, Integer> importFunding(@PathVariable long processId, @RequestBody(required = false) String csv) {
        return Map.of("imported", fundingCsv.importCsv(processId, csv, Viewer.current()));
    }

    @PostMapping("/funding")
    ResponseEntity<Funding.Flow> recordFlow(@PathVariable long processId, @Valid @RequestBody Funding.NewFlow c) {
        return ResponseEntity.status(201).body(funding.record(processId, c, Viewer.current()));
    }

    private List<String> text(List<Warning> warnings) {
        return warnings.stream().map(w -> messages.getMessage(w.code(), w.args(), w.code(), LocaleContextHolder.getLocale())).toList();
    }
}
