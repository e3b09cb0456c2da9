package org.casework.complaints.impl.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.casework.complaints.impl.internal.persistence.ComplaintStore;
import org.casework.complaints.impl.internal.persistence.Rows;
import org.casework.core.api.FieldError;
import org.casework.core.api.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The complaint categories, shipped and added by administrators. Validation reads a copy held for
 * a short while, so checking a complaint never queries the database inside the case's save; a
 * change made on this node counts at once, one made on another node within {@link #MAX_AGE}.
 */
@Component(service = CategoryCatalog.class)
public class CategoryCatalog {

    static final Duration MAX_AGE = Duration.ofSeconds(30);
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private final ComplaintStore store;
    private final Clock clock;
    private volatile List<Rows.Category> cached;
    private volatile Instant loadedAt = Instant.MIN;

    @Activate
    public CategoryCatalog(@Reference ComplaintStore store) {
        this(store, Clock.systemUTC());
    }

    CategoryCatalog(ComplaintStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<Rows.Category> all() {
        Instant now = clock.instant();
        List<Rows.Category> c = cached;
        if (c == null || loadedAt.plus(MAX_AGE).isBefore(now)) {
            c = store.categories();
            cached = c;
            loadedAt = now;
        }
        return c;
    }

    /** Whether the key names a category (an inactive one still counts: old complaints keep theirs). */
    public boolean known(String key) {
        return all().stream().anyMatch(c -> c.key().equals(key));
    }

    /** Adds or changes a category. */
    public Rows.Category save(String key, String label, Boolean active) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (key == null || !KEY.matcher(key).matches()) {
            errors.add(new FieldError("key", "pattern",
                    "A category key is 2 to 40 lower-case letters, digits and dashes, starting with a letter."));
        }
        String l = label == null ? null : label.strip();
        if (l == null || l.isEmpty() || l.length() > 120 || l.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("label", "required", "Give the category a label of at most 120 characters."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Rows.Category saved = store.saveCategory(key, l, active == null || active);
        cached = null;
        return saved;
    }
}
