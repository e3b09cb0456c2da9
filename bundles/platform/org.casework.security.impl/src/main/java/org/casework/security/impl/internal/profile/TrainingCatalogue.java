package org.casework.security.impl.internal.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.casework.security.api.TrainingCourse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured courses and the warning period. Courses come from the configuration keys
 * {@code course.<key>.title}, {@code course.<key>.validityMonths} (0 or absent: never expires)
 * and {@code course.<key>.mandatory}; without any course key, the annual privacy and security
 * awareness course is the one mandatory course.
 */
record TrainingCatalogue(List<TrainingCourse> courses, int warnDays) {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingCatalogue.class);

    /** The course every office has unless the operator configures others. */
    static final TrainingCourse PRIVACY_SECURITY = new TrainingCourse("privacy-security",
            "Annual privacy and security awareness", 12, true);

    private static final Pattern KEY =
            Pattern.compile("course\\.([A-Za-z0-9_-]{1,64})\\.(title|validityMonths|mandatory)");

    TrainingCatalogue {
        courses = List.copyOf(courses);
    }

    /** The default catalogue: the privacy and security course, warnings 30 days ahead. */
    static TrainingCatalogue defaults() {
        return new TrainingCatalogue(List.of(PRIVACY_SECURITY), 30);
    }

    /** Reads the catalogue from a configuration; unusable course entries are logged and left out. */
    static TrainingCatalogue of(TrainingConfig config, Map<String, ?> properties) {
        int warnDays = config == null ? 30 : Math.max(0, config.warnDaysBeforeExpiry());
        Map<String, Map<String, String>> byKey = new TreeMap<>();
        if (properties != null) {
            for (Map.Entry<String, ?> entry : properties.entrySet()) {
                Matcher m = KEY.matcher(entry.getKey());
                if (m.matches() && entry.getValue() != null) {
                    byKey.computeIfAbsent(m.group(1), k -> new TreeMap<>())
                            .put(m.group(2), entry.getValue().toString().strip());
                }
            }
        }
        if (byKey.isEmpty()) {
            return new TrainingCatalogue(List.of(PRIVACY_SECURITY), warnDays);
        }
        List<TrainingCourse> courses = new ArrayList<>();
        byKey.forEach((key, attributes) -> {
            String title = attributes.getOrDefault("title", "");
            int months;
            try {
                months = Integer.parseInt(attributes.getOrDefault("validityMonths", "0"));
            } catch (NumberFormatException e) {
                months = -1;
            }
            if (title.isEmpty() || months < 0) {
                LOG.error("Training course {} in {} is left out: it needs a title and a "
                        + "validityMonths of 0 or more", key, TrainingConfig.PID);
                return;
            }
            courses.add(new TrainingCourse(key, title, months,
                    Boolean.parseBoolean(attributes.getOrDefault("mandatory", "false"))));
        });
        courses.sort(Comparator.comparing((TrainingCourse c) -> !c.mandatory())
                .thenComparing(TrainingCourse::key));
        return new TrainingCatalogue(courses, warnDays);
    }

    Optional<TrainingCourse> course(String key) {
        return courses.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    List<TrainingCourse> mandatory() {
        return courses.stream().filter(TrainingCourse::mandatory).toList();
    }

    /** The course's title, or its key when it is no longer in the catalogue. */
    String title(String key) {
        return course(key).map(TrainingCourse::title).orElse(key);
    }
}
