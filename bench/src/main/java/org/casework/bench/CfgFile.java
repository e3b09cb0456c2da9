package org.casework.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits a Karaf {@code etc/*.cfg} file line by line, keeping its comments and layout, so that a
 * copy of the distribution differs from the original only in the properties the benchmark sets.
 */
final class CfgFile {

    private static final Pattern ENTRY = Pattern.compile("^\\s*([^#!\\s=:][^=:\\s]*)\\s*[=:]\\s?(.*)$");

    private final Path file;
    private final List<String> lines;

    private CfgFile(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Reads the file; a missing file reads as empty and is created by {@link #save()}. */
    static CfgFile open(Path file) {
        try {
            List<String> lines = Files.exists(file)
                    ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
                    : new ArrayList<>();
            return new CfgFile(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of an active (uncommented) property, continuation lines joined. */
    Optional<String> get(String key) {
        int at = find(key);
        if (at < 0) {
            return Optional.empty();
        }
        Matcher m = ENTRY.matcher(lines.get(at));
        m.matches();
        StringBuilder value = new StringBuilder();
        String part = m.group(2).stripTrailing();
        int i = at;
        while (endsWithContinuation(part) && i + 1 < lines.size()) {
            value.append(part, 0, part.length() - 1);
            part = lines.get(++i).strip();
        }
        value.append(part);
        return Optional.of(value.toString().strip());
    }

    /** Sets a property: replaces its active line (and continuation lines), or appends it. */
    CfgFile set(String key, String value) {
        int at = find(key);
        String line = key + " = " + value;
        if (at < 0) {
            lines.add(line);
        } else {
            int end = logicalEnd(at);
            for (int i = end; i > at; i--) {
                lines.remove(i);
            }
            lines.set(at, line);
        }
        return this;
    }

    /** Comments out an active property, if present. */
    CfgFile comment(String key) {
        int at = find(key);
        if (at >= 0) {
            int end = logicalEnd(at);
            for (int i = at; i <= end; i++) {
                lines.set(i, "#" + lines.get(i));
            }
        }
        return this;
    }

    /**
     * Appends {@code item} to a comma-separated list property (such as {@code featuresBoot}),
     * unless one of {@code alreadySatisfiedBy} is listed already.
     */
    CfgFile appendToList(String key, String item, List<String> alreadySatisfiedBy) {
        Optional<String> current = get(key);
        if (current.isEmpty() || current.get().isBlank()) {
            return set(key, item);
        }
        for (String element : current.get().split("[,()\\s]+")) {
            String name = element.contains("/") ? element.substring(0, element.indexOf('/')) : element;
            if (alreadySatisfiedBy.contains(name)) {
                return this;
            }
        }
        int end = logicalEnd(find(key));
        lines.set(end, lines.get(end).stripTrailing() + ", " + item);
        return this;
    }

    void save() {
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int find(String key) {
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0 && endsWithContinuation(lines.get(i - 1)) && !lines.get(i - 1).stripLeading().startsWith("#")) {
                continue; // inside another property's continuation
            }
            Matcher m = ENTRY.matcher(lines.get(i));
            if (m.matches() && m.group(1).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private int logicalEnd(int start) {
        int i = start;
        while (i + 1 < lines.size() && endsWithContinuation(lines.get(i))) {
            i++;
        }
        return i;
    }

    private static boolean endsWithContinuation(CharSequence s) {
        int n = s.length();
        while (n > 0 && Character.isWhitespace(s.charAt(n - 1))) {
            n--;
        }
        int slashes = 0;
        while (n - 1 - slashes >= 0 && s.charAt(n - 1 - slashes) == '\\') {
            slashes++;
        }
        return slashes % 2 == 1;
    }
}
