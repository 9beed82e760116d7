package de.buergerkonto.gateway.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * The admin API for service routes (docs/gateway.md): list, read, create or replace, delete. Only
 * for access tokens with the admin scope (API security); every change is audited under the token's
 * {@code client_id}. The admin's token is not a citizen's: no level is demanded of it.
 */
@RestController
@RequestMapping("/admin/api/routes")
class AdminRoutesController {

    private final RouteStore store;
    private final Validator validator;

    AdminRoutesController(RouteStore store, Validator validator) {
        this.store = store;
        this.validator = validator;
    }

    @GetMapping
    Mono<List<Map<String, Object>>> list() {
        return store.load().map(snapshot -> snapshot.routes().stream().map(RouteJson::write).toList());
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<Map<String, Object>>> one(@PathVariable String id) {
        return store.find(id).map(route -> ResponseEntity.ok(RouteJson.write(route)))
                .defaultIfEmpty(notFound());
    }

    @PutMapping("/{id}")
    Mono<ResponseEntity<Map<String, Object>>> put(@PathVariable String id, @RequestBody Map<String, Object> body,
            JwtAuthenticationToken admin) {
        Map<String, Object> json = new LinkedHashMap<>(body);
        if (json.containsKey("id") && !id.equals(String.valueOf(json.get("id")))) {
            return Mono.just(invalid(List.of("id: must match the path")));
        }
        json.put("id", id);
        RouteJson.Result read = RouteJson.read(json, validator);
        if (read.route() == null) {
            return Mono.just(invalid(List.copyOf(read.problems())));
        }
        return store.put(read.route(), who(admin)).thenReturn(ResponseEntity.ok(RouteJson.write(read.route())));
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Map<String, Object>>> delete(@PathVariable String id, JwtAuthenticationToken admin) {
        return store.delete(id, who(admin)).map(deleted -> deleted ? ResponseEntity.noContent().<Map<String, Object>>build() : notFound());
    }

    private static String who(JwtAuthenticationToken admin) {
        String client = admin.getToken().getClaimAsString("client_id");
        return client != null ? client : admin.getToken().getSubject();
    }

    private static ResponseEntity<Map<String, Object>> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found", "error_description", "No such route"));
    }

    private static ResponseEntity<Map<String, Object>> invalid(List<String> problems) {
        return ResponseEntity.badRequest().body(Map.of("error", "invalid_request", "error_description", "The route is not valid",
                "problems", problems));
    }
}
