package org.parley.process;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.parley.platform.Accounts;
import org.parley.platform.Role;

/** A mediator's form for a new account; a delegate's account names the party it speaks for. */
public class AccountForm {

    @NotBlank
    @Email
    @Size(max = 200)
    private String email;
    @NotBlank
    @Size(max = 200)
    private String displayName;
    @NotBlank
    @Size(min = 12, max = 200)
    private String password;
    @NotNull
    private Role role;
    private Long partyId;

    Accounts.NewAccount command() {
        return new Accounts.NewAccount(email.strip(), displayName.strip(), password, role, partyId);
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public Role getRole() { return role; }
    public void setRole(Role role) { this.role = role; }
    public Long getPartyId() { return partyId; }
    public void setPartyId(Long partyId) { this.partyId = partyId; }
}
