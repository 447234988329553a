package org.parley.petitions;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.parley.platform.InvalidInputException;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/** The citizens' forms (new petition, signature), bound from the pages, and how service problems land on their fields. */
final class PetitionForms {

    private PetitionForms() {
    }

    static void addTo(BindingResult result, InvalidInputException e) {
        BeanWrapperImpl form = new BeanWrapperImpl(result.getTarget());
        for (var p : e.problems()) {
            if (p.field() != null && form.isReadableProperty(p.field())) {
                result.rejectValue(p.field(), p.code(), p.args(), p.code());
            } else {
                result.reject(p.code(), p.args(), p.code());
            }
        }
    }

    public static class PetitionForm {
        @NotBlank @Size(max = 200) private String title;
        @NotBlank @Size(max = 6000) private String body;
        @NotBlank @Size(max = 120) private String creatorName;
        @NotBlank @Size(max = 254) private String email;
        private boolean toMediator;
        private List<Long> partyIds = new ArrayList<>();

        NewPetition command(String language) {
            return new NewPetition(title, body, creatorName, email, toMediator, partyIds == null ? List.of() : partyIds, language);
        }

        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public String getBody() { return body; }
        public void setBody(String v) { body = v; }
        public String getCreatorName() { return creatorName; }
        public void setCreatorName(String v) { creatorName = v; }
        public String getEmail() { return email; }
        public void setEmail(String v) { email = v; }
        public boolean isToMediator() { return toMediator; }
        public void setToMediator(boolean v) { toMediator = v; }
        public List<Long> getPartyIds() { return partyIds; }
        public void setPartyIds(List<Long> v) { partyIds = v; }
    }

    public static class SignForm {
        @NotBlank @Size(max = 120) private String name;
        @NotBlank @Size(max = 254) private String email;
        @NotBlank @Size(max = 80) private String region;
        @AssertTrue private boolean consent;

        NewSignature command() {
            return new NewSignature(name, email, region, consent);
        }

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getEmail() { return email; }
        public void setEmail(String v) { email = v; }
        public String getRegion() { return region; }
        public void setRegion(String v) { region = v; }
        public boolean isConsent() { return consent; }
        public void setConsent(boolean v) { consent = v; }
    }

    public static class SettingsForm {
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(1000) private Integer supportersNeeded;
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(3650) private Integer openDays;
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(100000000) private Integer responseThreshold;
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(365) private Integer responseDays;
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(100000000) private Integer hearingThreshold;
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(1000000) private Integer rateLimitIp;
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(1000000) private Integer rateLimitSubnet;
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(10080) private Integer rateWindowMinutes;

        static SettingsForm of(PetitionSettings s) {
            SettingsForm f = new SettingsForm();
            f.supportersNeeded = s.supportersNeeded();
            f.openDays = s.openDays();
            f.responseThreshold = s.responseThreshold();
            f.responseDays = s.responseDays();
            f.hearingThreshold = s.hearingThreshold();
            f.rateLimitIp = s.rateLimitIp();
            f.rateLimitSubnet = s.rateLimitSubnet();
            f.rateWindowMinutes = s.rateWindowMinutes();
            return f;
        }

        PetitionSettings command() {
            return new PetitionSettings(supportersNeeded, openDays, responseThreshold, responseDays, hearingThreshold, rateLimitIp, rateLimitSubnet, rateWindowMinutes);
        }

        public Integer getSupportersNeeded() { return supportersNeeded; }
        public void setSupportersNeeded(Integer v) { supportersNeeded = v; }
        public Integer getOpenDays() { return openDays; }
        public void setOpenDays(Integer v) { openDays = v; }
        public Integer getResponseThreshold() { return responseThreshold; }
        public void setResponseThreshold(Integer v) { responseThreshold = v; }
        public Integer getResponseDays() { return responseDays; }
        public void setResponseDays(Integer v) { responseDays = v; }
        public Integer getHearingThreshold() { return hearingThreshold; }
        public void setHearingThreshold(Integer v) { hearingThreshold = v; }
        public Integer getRateLimitIp() { return rateLimitIp; }
        public void setRateLimitIp(Integer v) { rateLimitIp = v; }
        public Integer getRateLimitSubnet() { return rateLimitSubnet; }
        public void setRateLimitSubnet(Integer v) { rateLimitSubnet = v; }
        public Integer getRateWindowMinutes() { return rateWindowMinutes; }
        public void setRateWindowMinutes(Integer v) { rateWindowMinutes = v; }
    }
}
