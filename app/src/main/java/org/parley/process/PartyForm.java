package org.parley.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The new-party form. */
public class PartyForm {

    @NotNull
    private PartyKind kind;
    @NotNull
    private PartyRole role;
    @NotBlank
    @Size(max = 40)
    private String shortName;
    @NotBlank
    @Size(max = 200)
    private String nameEn;
    @NotBlank
    @Size(max = 200)
    private String nameUk;
    @NotBlank
    @Size(max = 200)
    private String nameRu;

    NewParty command() {
        return new NewParty(kind, role, shortName == null ? null : shortName.trim(), nameEn, nameUk, nameRu);
    }

    public PartyKind getKind() { return kind; }
    public void setKind(PartyKind kind) { this.kind = kind; }
    public PartyRole getRole() { return role; }
    public void setRole(PartyRole role) { this.role = role; }
    public String getShortName() { return shortName; }
    public void setShortName(String shortName) { this.shortName = shortName; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public String getNameUk() { return nameUk; }
    public void setNameUk(String nameUk) { this.nameUk = nameUk; }
    public String getNameRu() { return nameRu; }
    public void setNameRu(String nameRu) { this.nameRu = nameRu; }
}
