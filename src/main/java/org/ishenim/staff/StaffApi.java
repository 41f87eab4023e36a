package org.ishenim.staff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ishenim.web.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('ADMIN')")
class StaffApi {

    record NewUser(@NotBlank String username, @NotNull Roles role, @NotBlank String password) {
    }

    private final StaffAccounts accounts;

    StaffApi(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    List<StaffMember> list() {
        return accounts.list();
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@Valid @RequestBody NewUser user) {
        UUID id = accounts.create(user.username(), user.role(), user.password(), false);
        return ResponseEntity.created(URI.create("/api/v1/users/" + id)).body(Map.of("id", id, "username", user.username()));
    }

    @PostMapping("/{id}/unlock")
    ResponseEntity<Void> unlock(@PathVariable UUID id) {
        accounts.unlock(id);
        return ResponseEntity.noContent().build();
    }
}
