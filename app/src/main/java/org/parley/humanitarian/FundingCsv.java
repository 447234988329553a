package org.parley.humanitarian;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;
import org.parley.platform.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Funding flows as the field exchanges them: a CSV in the shape of OCHA's Financial Tracking Service (source and
 * destination organisation, amount in USD, status pledge / commitment / paid contribution, date) that also
 * carries the IATI transaction type (12 outgoing pledge, 2 outgoing commitment, 3 disbursement) and HXL hashtags.
 * An import takes either vocabulary, checks every row and stores all of it or nothing.
 */
@Service
@Transactional(readOnly = true)
class FundingCsv {

    static final List<String> HEADERS = List.of("Source organization", "Destination organization", "Status", "IATI transaction type", "Amount USD",
            "Date", "Sector", "Description");
    static final List<String> HASHTAGS = List.of("#org+name+funder", "#org+name+impl", "#status", "#status+iati+code", "#value+funding+usd", "#date",
            "#sector", "#description");

    /** The names a column goes by in FTS, IATI-minded and Parley's own files, by what it holds. */
    private static final Map<String, List<String>> NAMES = Map.of(
            "donor", List.of("source organization", "source organisation", "donor", "funder", "#org+name+funder", "#org+funder"),
            "recipient", List.of("destination organization", "destination organisation", "recipient", "#org+name+impl", "#org+impl"),
            "status", List.of("status", "flow", "flow type", "#status"),
            "iati", List.of("iati transaction type", "transaction type", "#status+iati+code"),
            "amount", List.of("amount usd", "amountusd", "amount (usd)", "usd", "#value+funding+usd", "#value+usd"),
            "date", List.of("date", "decision date", "flow date", "#date"),
            "sector", List.of("sector", "cluster", "#sector"),
            "description", List.of("description", "#description"));

    private final Funding funding;
    private final Humanitarian humanitarian;

    FundingCsv(Funding funding, Humanitarian humanitarian) {
        this.funding = funding;
        this.humanitarian = humanitarian;
    }

    /** Every flow of the process, newest first, with both vocabularies and a row of HXL hashtags. */
    public void export(long processId, Writer out) {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(HEADERS);
            csv.printRecord(HASHTAGS);
            for (Funding.Flow f : funding.flows(processId)) {
                csv.printRecord(f.donor(), f.recipient(), fts(f.flow()), iati(f.flow()), f.amountUsd().toPlainString(), f.date(),
                        f.sector() == null ? "" : f.sector().label(), f.description() == null ? "" : f.description());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional
    public int importCsv(long processId, String text, Viewer viewer) {
        return importCsv(processId, new StringReader(text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text), viewer);
    }

    @Transactional
    public int importCsv(long processId, Reader in, Viewer viewer) {
        humanitarian.requireManager(processId, viewer);
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(in)) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException("file", "humanitarian.csv.unreadable");
        }
        if (records.isEmpty()) {
            throw new InvalidInputException("file", "humanitarian.funding.csvEmpty");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        CSVRecord header = records.getFirst();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim().toLowerCase(Locale.ROOT);
            for (Map.Entry<String, List<String>> e : NAMES.entrySet()) {
                if (e.getValue().contains(name)) {
                    index.putIfAbsent(e.getKey(), i);
                }
            }
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String needed : List.of("donor", "recipient", "amount", "date")) {
            if (!index.containsKey(needed)) {
                problems.add(new FieldProblem(NAMES.get(needed).getFirst(), "humanitarian.csv.missingColumn", NAMES.get(needed).getFirst()));
            }
        }
        if (!index.containsKey("status") && !index.containsKey("iati")) {
            problems.add(new FieldProblem("status", "humanitarian.csv.missingColumn", "Status / IATI transaction type"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int first = records.size() > 1 && records.get(1).size() > 0 && records.get(1).get(0).trim().startsWith("#") ? 2 : 1;
        List<Funding.NewFlow> flows = new ArrayList<>();
        for (int r = first; r < records.size() && problems.size() < HxlActivities.MAX_PROBLEMS; r++) {
            CSVRecord rec = records.get(r);
            String row = "row " + rec.getRecordNumber() + " ";
            String donor = cell(rec, index, "donor");
            String recipient = cell(rec, index, "recipient");
            if (donor.isEmpty()) {
                problems.add(new FieldProblem(row + header.get(index.get("donor")).trim(), "humanitarian.hxl.required"));
            }
            if (recipient.isEmpty()) {
                problems.add(new FieldProblem(row + header.get(index.get("recipient")).trim(), "humanitarian.hxl.required"));
            }
            FundingFlow flow = flow(cell(rec, index, "status"), cell(rec, index, "iati")).orElse(null);
            if (flow == null) {
                String column = index.containsKey("status") ? header.get(index.get("status")).trim() : header.get(index.get("iati")).trim();
                problems.add(new FieldProblem(row + column, "humanitarian.funding.flowUnknown",
                        cell(rec, index, "status").isEmpty() ? cell(rec, index, "iati") : cell(rec, index, "status")));
            }
            BigDecimal amount = null;
            String amountText = cell(rec, index, "amount").replace(",", "").replace(" ", "");
            try {
                amount = new BigDecimal(amountText);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(row + header.get(index.get("amount")).trim(), "humanitarian.funding.number", amountText));
            }
            LocalDate date = null;
            String dateText = cell(rec, index, "date");
            try {
                date = LocalDate.parse(dateText.length() > 10 ? dateText.substring(0, 10) : dateText);
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(row + header.get(index.get("date")).trim(), "humanitarian.hxl.date", dateText));
            }
            String sectorText = cell(rec, index, "sector");
            Sector sector = sectorText.isEmpty() ? null : Sector.parse(sectorText).orElse(null);
            if (!sectorText.isEmpty() && sector == null) {
                problems.add(new FieldProblem(row + header.get(index.get("sector")).trim(), "humanitarian.sector.unknown", sectorText));
            }
            Funding.NewFlow f = new Funding.NewFlow(donor, recipient, flow, amount, sector, date, blank(cell(rec, index, "description")));
            if (amount != null) {
                for (FieldProblem p : funding.problems(f)) {
                    problems.add(new FieldProblem(row + header.get(index.get("amount")).trim(), p.code(), p.args()));
                }
            }
            if (donor.length() > 200 || recipient.length() > 200) {
                problems.add(new FieldProblem(row + header.get(index.get(donor.length() > 200 ? "donor" : "recipient")).trim(),
                        "humanitarian.funding.nameTooLong", 200));
            }
            flows.add(f);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (flows.isEmpty()) {
            throw new InvalidInputException("file", "humanitarian.funding.csvEmpty");
        }
        for (Funding.NewFlow f : flows) {
            funding.record(processId, f, viewer);
        }
        return flows.size();
    }

    /** FTS's status or IATI's transaction type (either may be given; the status wins). */
    static Optional<FundingFlow> flow(String status, String iati) {
        String s = status.trim().toLowerCase(Locale.ROOT);
        if (!s.isEmpty()) {
            return switch (s) {
                case "pledge", "pledged", "outgoing pledge" -> Optional.of(FundingFlow.PLEDGE);
                case "commitment", "committed", "outgoing commitment" -> Optional.of(FundingFlow.COMMITMENT);
                case "paid", "paid contribution", "disbursement", "disbursed" -> Optional.of(FundingFlow.DISBURSEMENT);
                default -> Optional.empty();
            };
        }
        return switch (iati.trim()) {
            case "12" -> Optional.of(FundingFlow.PLEDGE);
            case "2" -> Optional.of(FundingFlow.COMMITMENT);
            case "3" -> Optional.of(FundingFlow.DISBURSEMENT);
            default -> Optional.empty();
        };
    }

    static String fts(FundingFlow f) {
        return switch (f) {
            case PLEDGE -> "pledge";
            case COMMITMENT -> "commitment";
            case DISBURSEMENT -> "paid contribution";
        };
    }

    static String iati(FundingFlow f) {
        return switch (f) {
            case PLEDGE -> "12";
            case COMMITMENT -> "2";
            case DISBURSEMENT -> "3";
        };
    }

    private static String cell(CSVRecord rec, Map<String, Integer> index, String key) {
        Integer i = index.get(key);
        return i == null || i >= rec.size() ? "" : rec.get(i).trim();
    }

    private static String blank(String s) {
        return s.isEmpty() ? null : s;
    }
}
