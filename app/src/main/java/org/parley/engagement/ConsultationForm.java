package org.parley.engagement;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.parley.platform.InvalidInputException;
import org.parley.platform.InvalidInputException.FieldProblem;

/**
 * The organiser's form: times in UTC (datetime-local), seed statements one per line, demographic
 * questions one per line as "question | answer | answer …".
 */
public class ConsultationForm {

    private String question;
    private String context;
    private List<String> languages = new ArrayList<>(List.of("en", "uk", "ru"));
    private String opensAt;
    private String closesAt;
    private Consultation.Moderation moderation = Consultation.Moderation.AFTER;
    private Consultation.Access access = Consultation.Access.OPEN;
    private String seedStatements;
    private String demographics;

    NewConsultation command() {
        List<FieldProblem> problems = new ArrayList<>();
        Instant opens = time(opensAt, "opensAt", problems);
        Instant closes = time(closesAt, "closesAt", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<String> seeds = seedStatements == null ? List.of()
                : Arrays.stream(seedStatements.split("\\R")).map(String::strip).filter(x -> !x.isEmpty()).toList();
        Consultation.Access a = access == null ? Consultation.Access.OPEN : access;
        return new NewConsultation(question, context, languages, opens, closes, moderation, a != Consultation.Access.OPEN, seeds, a,
                questions(demographics));
    }

    static List<NewQuestion> questions(String lines) {
        if (lines == null) {
            return List.of();
        }
        return Arrays.stream(lines.split("\\R")).map(String::strip).filter(x -> !x.isEmpty()).map(line -> {
            String[] parts = line.split("\\|", -1);
            return new NewQuestion(parts[0].strip(), Arrays.stream(parts).skip(1).map(String::strip).toList());
        }).toList();
    }

    private static Instant time(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "consultations.error.time"));
            return null;
        }
    }

    public String getQuestion() { return question; }
    public void setQuestion(String question) { this.question = question; }
    public String getContext() { return context; }
    public void setContext(String context) { this.context = context; }
    public List<String> getLanguages() { return languages; }
    public void setLanguages(List<String> languages) { this.languages = languages; }
    public String getOpensAt() { return opensAt; }
    public void setOpensAt(String opensAt) { this.opensAt = opensAt; }
    public String getClosesAt() { return closesAt; }
    public void setClosesAt(String closesAt) { this.closesAt = closesAt; }
    public Consultation.Moderation getModeration() { return moderation; }
    public void setModeration(Consultation.Moderation moderation) { this.moderation = moderation; }
    public Consultation.Access getAccess() { return access; }
    public void setAccess(Consultation.Access access) { this.access = access; }
    public String getDemographics() { return demographics; }
    public void setDemographics(String demographics) { this.demographics = demographics; }
    public String getSeedStatements() { return seedStatements; }
    public void setSeedStatements(String seedStatements) { this.seedStatements = seedStatements; }
}
