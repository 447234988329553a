package org.parley.process;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** The new-process and edit-process forms, as typed: kept as it is when the page comes back with errors. */
public class ProcessForm {

    @NotBlank
    @Size(max = 200)
    private String name;

    @Size(max = 10000)
    private String description;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startDate;

    @NotNull
    private ProcessStatus status = ProcessStatus.PREPARATION;

    @NotEmpty
    @Size(max = 3)
    private List<@Pattern(regexp = "en|uk|ru", message = "{process.language.unsupported}") String> languages = new ArrayList<>(List.of("en", "uk", "ru"));

    static ProcessForm of(Process p) {
        ProcessForm f = new ProcessForm();
        f.name = p.name();
        f.description = p.description();
        f.startDate = p.startDate();
        f.status = p.status();
        f.languages = new ArrayList<>(p.languages());
        return f;
    }

    NewProcess command() {
        return new NewProcess(name, description, startDate, status, languages);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public ProcessStatus getStatus() { return status; }
    public void setStatus(ProcessStatus status) { this.status = status; }
    public List<String> getLanguages() { return languages; }
    public void setLanguages(List<String> languages) { this.languages = languages; }
}
