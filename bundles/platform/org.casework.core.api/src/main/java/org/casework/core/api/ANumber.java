package org.casework.core.api;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Alien Registration Numbers. Accepted written as {@code A123-456-789}, {@code A123456789},
 * {@code 123 456 789} or with 7 or 8 digits (older numbers, padded with leading zeros); stored and
 * compared as nine digits.
 */
public final class ANumber {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{7,9}");

    private ANumber() {
    }

    /** The nine-digit form, or empty when the text is not an A-Number. */
    public static Optional<String> normalize(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = SEPARATORS.matcher(text.trim()).replaceAll("");
        if (s.startsWith("A") || s.startsWith("a")) {
            s = s.substring(1);
        }
        if (!DIGITS.matcher(s).matches()) {
            return Optional.empty();
        }
        String padded = "000000000".substring(s.length()) + s;
        return padded.equals("000000000") ? Optional.empty() : Optional.of(padded);
    }

    /** The conventional display form {@code A123-456-789} of a normalised number. */
    public static String format(String nineDigits) {
        return "A" + nineDigits.substring(0, 3) + "-" + nineDigits.substring(3, 6) + "-"
                + nineDigits.substring(6);
    }
}
