package org.parley.humanitarian;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;
import org.parley.platform.Viewer;
import org.parley.process.Processes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Funding for relief and reconstruction in FTS/IATI terms: pledges, commitments and disbursements, per donor and recipient. */
@Service
@Transactional(readOnly = true)
public class Funding {

    public record NewFlow(@NotBlank @Size(max = 200) String donor, @NotBlank @Size(max = 200) String recipient, @NotNull FundingFlow flow,
                          @NotNull BigDecimal amountUsd, Sector sector, @NotNull LocalDate date, @Size(max = 2000) String description) {
    }

    public record Flow(long id, String donor, String recipient, FundingFlow flow, BigDecimal amountUsd, Sector sector, LocalDate date,
                       String description) {
    }

    /** Pledged, committed and disbursed for one donor or recipient; the disbursed share of the pledged in percent. */
    public record Totals(String name, BigDecimal pledged, BigDecimal committed, BigDecimal disbursed, Integer disbursedOfPledged) {
        static Totals of(String name, BigDecimal pledged, BigDecimal committed, BigDecimal disbursed) {
            Integer share = pledged.signum() == 0 ? null
                    : disbursed.multiply(BigDecimal.valueOf(100)).divide(pledged, 0, java.math.RoundingMode.HALF_UP).intValue();
            return new Totals(name, pledged, committed, disbursed, share);
        }
    }

    public record Overview(Totals all, List<Totals> byDonor, List<Totals> byRecipient) {
    }

    private final JdbcClient jdbc;
    private final Processes processes;
    private final Humanitarian humanitarian;

    Funding(JdbcClient jdbc, Processes processes, Humanitarian humanitarian) {
        this.jdbc = jdbc;
        this.processes = processes;
        this.humanitarian = humanitarian;
    }

    public List<Flow> flows(long processId) {
        processes.get(processId);
        return jdbc.sql("SELECT id, donor, recipient, flow, amount_usd, sector, flow_date, description FROM hum_funding WHERE process_id = ? ORDER BY flow_date DESC, id DESC")
                .param(processId).query((rs, n) -> new Flow(rs.getLong(1), rs.getString(2), rs.getString(3), FundingFlow.valueOf(rs.getString(4)),
                        rs.getBigDecimal(5), rs.getString(6) == null ? null : Sector.valueOf(rs.getString(6)), rs.getObject(7, LocalDate.class),
                        rs.getString(8))).list();
    }

    public Overview overview(long processId) {
        List<Totals> all = totals(processId, "'all'");
        return new Overview(all.isEmpty() ? Totals.of("all", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO) : all.getFirst(),
                totals(processId, "donor"), totals(processId, "recipient"));
    }

    private List<Totals> totals(long processId, String by) {
        processes.get(processId);
        return jdbc.sql("SELECT " + by + """
                         AS k, coalesce(sum(amount_usd) FILTER (WHERE flow = 'PLEDGE'), 0),
                                coalesce(sum(amount_usd) FILTER (WHERE flow = 'COMMITMENT'), 0),
                                coalesce(sum(amount_usd) FILTER (WHERE flow = 'DISBURSEMENT'), 0)
                        FROM hum_funding WHERE process_id = ? GROUP BY 1 ORDER BY 2 DESC, 1""")
                .param(processId).query((rs, n) -> Totals.of(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4))).list();
    }

    /** What is wrong with a flow's amount: not positive, or finer than a cent. */
    List<FieldProblem> problems(NewFlow c) {
        List<FieldProblem> problems = new ArrayList<>();
        if (c.amountUsd().signum() <= 0) {
            problems.add(new FieldProblem("amountUsd", "humanitarian.funding.amount"));
        }
        if (c.amountUsd().scale() > 2 && c.amountUsd().stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem("amountUsd", "humanitarian.funding.cents"));
        }
        return problems;
    }

    @Transactional
    public Flow record(long processId, NewFlow c, Viewer viewer) {
        humanitarian.requireManager(processId, viewer);
        List<FieldProblem> problems = problems(c);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = jdbc.sql("""
                        INSERT INTO hum_funding (process_id, donor, recipient, flow, amount_usd, sector, flow_date, description)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(processId, c.donor().trim(), c.recipient().trim(), c.flow().name(), c.amountUsd(), c.sector() == null ? null : c.sector().name(),
                        c.date(), Deliveries.blankToNull(c.description())).query(Long.class).single();
        return flows(processId).stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

}
