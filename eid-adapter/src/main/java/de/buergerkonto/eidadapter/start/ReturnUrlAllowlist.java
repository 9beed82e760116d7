package de.buergerkonto.eidadapter.start;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The auth-server callbacks a session may return to ({@code eid-adapter.handover.return-urls}),
 * compared as exact strings (RFC 9700 4.1: no prefix, pattern or normalisation): the handover
 * token is delivered there, so an open redirect here would hand the citizen's identity to anyone.
 */
public final class ReturnUrlAllowlist {

    private final Set<String> allowed;

    public ReturnUrlAllowlist(List<URI> returnUrls) {
        this.allowed = returnUrls.stream().map(URI::toString).collect(Collectors.toUnmodifiableSet());
    }

    public boolean allows(String returnUrl) {
        return returnUrl != null && allowed.contains(returnUrl);
    }
}
