package org.parley.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record NewParty(
        @NotNull PartyKind kind,
        @NotNull PartyRole role,
        @NotBlank @Size(max = 40) String shortName,
        @NotBlank @Size(max = 200) String nameEn,
        @NotBlank @Size(max = 200) String nameUk,
        @NotBlank @Size(max = 200) String nameRu) {
}
