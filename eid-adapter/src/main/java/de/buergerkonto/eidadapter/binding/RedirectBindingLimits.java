package de.buergerkonto.eidadapter.binding;

/**
 * Size limits for a received HTTP-Redirect message, checked before the work they bound: the raw
 * query before it is decoded, the inflated message while it is inflated (a deflate bomb stops at
 * the limit instead of filling the heap).
 *
 * @param maxQueryLength the most characters of raw query string accepted
 * @param maxInflatedBytes the most bytes the inflated SAML message may have
 */
public record RedirectBindingLimits(int maxQueryLength, int maxInflatedBytes) {

    /** 64 KiB of query (a real eID response is about 7 KiB), 512 KiB of XML. */
    public static final RedirectBindingLimits DEFAULT = new RedirectBindingLimits(64 * 1024, 512 * 1024);

    public RedirectBindingLimits {
        if (maxQueryLength <= 0 || maxInflatedBytes <= 0) {
            throw new IllegalArgumentException("Redirect binding limits must be positive");
        }
    }
}
