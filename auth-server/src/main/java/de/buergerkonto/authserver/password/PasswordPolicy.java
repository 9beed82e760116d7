package de.buergerkonto.authserver.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.account.EmailAddress;

/**
 * The rules for a password a citizen chooses, after NIST SP 800-63B, section 5.1.1.2: at least
 * {@value #MIN_LENGTH} and at most {@value #MAX_LENGTH} characters, any characters, no
 * composition rules, and not a commonly used password (the bundled list
 * {@code password/common-passwords.txt}, compared case-insensitively, since a list entry with
 * different capitals is guessed just as early) nor one containing the email's local part.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    /** A shorter local part ("ab@...") would refuse too many unrelated passwords. */
    private static final int MIN_LOCAL_PART_LENGTH = 3;
    private static final String COMMON_PASSWORDS = "password/common-passwords.txt";

    private final Set<String> commonPasswords;

    public PasswordPolicy() {
        this.commonPasswords = load(new ClassPathResource(COMMON_PASSWORDS));
    }

    /** The violations of the password chosen for an account with this email; empty if acceptable. */
    public List<PasswordViolation> check(String password, String email) {
        List<PasswordViolation> violations = new ArrayList<>();
        String candidate = password == null ? "" : password;
        // NIST counts each Unicode character once: code points, not UTF-16 units
        int length = candidate.codePointCount(0, candidate.length());
        if (length < MIN_LENGTH) {
            violations.add(PasswordViolation.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            violations.add(PasswordViolation.TOO_LONG);
        }
        String lowerCase = candidate.toLowerCase(Locale.ROOT);
        if (commonPasswords.contains(lowerCase)) {
            violations.add(PasswordViolation.COMMON);
        }
        String localPart = localPart(email);
        if (localPart.length() >= MIN_LOCAL_PART_LENGTH && lowerCase.contains(localPart)) {
            violations.add(PasswordViolation.CONTAINS_EMAIL);
        }
        return List.copyOf(violations);
    }

    private static String localPart(String email) {
        String normalized = EmailAddress.normalize(email);
        int at = normalized.lastIndexOf('@');
        return at < 0 ? normalized : normalized.substring(0, at);
    }

    private static Set<String> load(ClassPathResource resource) {
        Set<String> passwords = new HashSet<>(65_536);
        try (InputStream in = resource.getInputStream();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    passwords.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the list of common passwords " + resource.getPath(), e);
        }
        if (passwords.isEmpty()) {
            throw new IllegalStateException("The list of common passwords " + resource.getPath() + " is empty");
        }
        return Set.copyOf(passwords);
    }
}
