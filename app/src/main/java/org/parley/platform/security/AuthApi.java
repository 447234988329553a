package org.parley.platform.security;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.parley.platform.Accounts;
import org.parley.platform.Accounts.Account;
import org.parley.platform.Role;
import org.parley.platform.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class AuthApi {

    record TokenRequest(@NotBlank String username, @NotBlank String password, @Size(max = 100) String name) {
    }

    record TokenResponse(String accessToken, String tokenType) {
    }

    record NewAccountRequest(@NotBlank @Email @Size(max = 200) String email,
                             @NotBlank @Size(max = 200) String displayName,
                             @NotBlank @Size(min = 12, max = 200) String password,
                             @jakarta.validation.constraints.NotNull Role role,
                             Long partyId) {
    }

    private final AuthenticationManager authentication;
    private final ApiTokens tokens;
    private final Accounts accounts;

    AuthApi(AuthenticationManager authentication, ApiTokens tokens, Accounts accounts) {
        this.authentication = authentication;
        this.tokens = tokens;
        this.accounts = accounts;
    }

    /** Exchanges a username (e-mail) and password for a bearer token. */
    @PostMapping("/auth/token")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse token(@Valid @RequestBody TokenRequest request) {
        var auth = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
        Viewer viewer = ((ParleyPrincipal) auth.getPrincipal()).viewer();
        String name = request.name() == null || request.name().isBlank() ? "API token" : request.name();
        return new TokenResponse(tokens.issue(viewer.accountId(), name).token(), "Bearer");
    }

    @GetMapping("/me")
    Account me() {
        return accounts.find(Viewer.current().accountId()).orElseThrow();
    }

    @GetMapping("/accounts")
    List<Account> accounts() {
        return accounts.all();
    }

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    Account create(@Valid @RequestBody NewAccountRequest r) {
        return accounts.create(new Accounts.NewAccount(r.email(), r.displayName(), r.password(), r.role(), r.partyId()));
    }
}
