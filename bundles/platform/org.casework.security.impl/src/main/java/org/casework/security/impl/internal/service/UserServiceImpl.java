package org.casework.security.impl.internal.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.casework.core.api.Caller;
import org.casework.core.api.FieldError;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.ValidationException;
import org.casework.security.api.AuthenticationException;
import org.casework.security.api.NewUser;
import org.casework.security.api.UserAccount;
import org.casework.security.api.UserService;
import org.casework.security.impl.internal.password.PasswordHasher;
import org.casework.security.impl.internal.password.PasswordRules;
import org.casework.security.impl.internal.persistence.SecurityStore;
import org.casework.security.impl.internal.persistence.UserEntity;
import org.casework.security.impl.internal.persistence.UserRow;
import org.casework.security.impl.internal.session.Tokens;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** User accounts in {@code cw_user}: creation and listing by administrators, own password changes. */
@Component(service = {UserService.class, UserServiceImpl.class})
public final class UserServiceImpl implements UserService {

    private static final Logger LOG = LoggerFactory.getLogger(UserServiceImpl.class);

    static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MAX_PAGE_SIZE = 200;
    private static final int MAX_FULL_NAME = 200;
    private static final int MAX_EMAIL = 254;

    private final SecurityStore store;
    private final PasswordHasher hasher;
    private final Clock clock;

    @Activate
    public UserServiceImpl(@Reference SecurityStore store) {
        this(store, new PasswordHasher(), Clock.systemUTC());
    }

    UserServiceImpl(SecurityStore store, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
    }

    private static void requireAdmin(Caller caller) {
        if (caller == null || !caller.isAdmin()) {
            throw new ForbiddenException("Only administrators can manage user accounts.");
        }
    }

    @Override
    public UserAccount create(Caller caller, NewUser user) {
        requireAdmin(caller);
        if (user == null) {
            throw new ValidationException(null, "required", "Send the new account's details.");
        }
        char[] password = user.password() == null ? null : user.password().toCharArray();
        try {
            List<FieldError> errors = validate(user, password);
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            UserEntity entity = new UserEntity(user.username(), blankToNull(user.fullName()),
                    blankToNull(user.email()), hasher.hash(password), clean(user.roles()),
                    clean(user.divisions()), false, clock.instant());
            Optional<UserAccount> created = store.insertUser(entity);
            if (created.isEmpty()) {
                throw taken();
            }
            LOG.info("User {} created by {} with roles {}", user.username(), caller.username(),
                    created.get().roles());
            return created.get();
        } catch (RuntimeException e) {
            // two administrators creating the same name at once: the loser hits the primary key
            if (!(e instanceof ValidationException) && store.findUser(user.username()).isPresent()) {
                throw taken();
            }
            throw e;
        } finally {
            PasswordHasher.wipe(password);
        }
    }

    private static ValidationException taken() {
        return new ValidationException("username", "unique", "That user name is already taken.");
    }

    static List<FieldError> validate(NewUser user, char[] password) {
        List<FieldError> errors = new ArrayList<>();
        String username = user.username();
        if (username == null || username.isBlank()) {
            errors.add(new FieldError("username", "required", "Enter a user name."));
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username", "pattern", "A user name has 3 to 64 characters: "
                    + "lower-case letters, digits, dots, hyphens and underscores."));
        }
        if (user.fullName() != null && user.fullName().length() > MAX_FULL_NAME) {
            errors.add(new FieldError("fullName", "maxLength",
                    "The full name must be at most " + MAX_FULL_NAME + " characters long."));
        }
        String email = user.email();
        if (email != null && !email.isBlank()
                && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", "email", "Enter a valid e-mail address."));
        }
        checkKeys("roles", user.roles(), errors);
        checkKeys("divisions", user.divisions(), errors);
        errors.addAll(PasswordRules.check("password", password, username));
        return errors;
    }

    private static void checkKeys(String field, Set<String> keys, List<FieldError> errors) {
        if (keys == null) {
            return;
        }
        for (String key : keys) {
            if (key == null || !KEY.matcher(key).matches()) {
                errors.add(new FieldError(field, "pattern", "Each entry has 1 to 64 characters: "
                        + "letters, digits, dots, hyphens and underscores."));
                return;
            }
        }
    }

    private static Set<String> clean(Set<String> keys) {
        return keys == null ? Set.of() : new LinkedHashSet<>(keys);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public List<UserAccount> list(Caller caller, int page, int size) {
        requireAdmin(caller);
        checkPage(page, size);
        return store.listUsers(page * size, size);
    }

    static void checkPage(int page, int size) {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "min", "The page number starts at 0."));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldError("size", "range",
                    "The page size is between 1 and " + MAX_PAGE_SIZE + "."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new ValidationException("page", "max", "The page number is too large.");
        }
    }

    @Override
    public long count(Caller caller) {
        requireAdmin(caller);
        return store.countUsers();
    }

    @Override
    public Optional<UserAccount> find(Caller caller, String username) {
        if (caller == null) {
            throw new ForbiddenException("Sign in to see accounts.");
        }
        if (!caller.isAdmin() && !caller.username().equals(username)) {
            // as if it did not exist: others' accounts are none of this caller's business
            return Optional.empty();
        }
        return store.findUser(username).map(UserRow::account);
    }

    @Override
    public void changePassword(Caller caller, char[] currentPassword, char[] newPassword)
            throws AuthenticationException {
        changePassword(caller, currentPassword, newPassword, null);
    }

    /**
     * Changes the caller's password and ends every session of the user but the one carried by
     * {@code keepToken} (the session the change was made in; null ends them all).
     */
    public void changePassword(Caller caller, char[] currentPassword, char[] newPassword,
            String keepToken) throws AuthenticationException {
        if (caller == null || caller.system()) {
            throw new ForbiddenException("Only a signed-in person can change their password.");
        }
        List<FieldError> errors = new ArrayList<>();
        if (currentPassword == null || currentPassword.length == 0) {
            errors.add(new FieldError("currentPassword", "required", "Enter your current password."));
        }
        errors.addAll(PasswordRules.check("newPassword", newPassword, caller.username()));
        if (errors.isEmpty() && java.util.Arrays.equals(currentPassword, newPassword)) {
            errors.add(new FieldError("newPassword", "changed",
                    "The new password must differ from the current one."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Optional<UserRow> user = store.findUser(caller.username());
        if (user.isEmpty() || !user.get().active()
                || !hasher.verify(currentPassword, user.get().passwordHash())) {
            throw new AuthenticationException("The current password is wrong.");
        }
        store.updatePassword(caller.username(), hasher.hash(newPassword));
        int ended = store.deleteSessionsOfUser(caller.username(),
                keepToken == null ? null : Tokens.hash(keepToken));
        LOG.info("User {} changed their password; {} other sessions ended", caller.username(), ended);
    }
}
