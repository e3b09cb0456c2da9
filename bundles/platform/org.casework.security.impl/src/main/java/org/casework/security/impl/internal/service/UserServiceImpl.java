package org.casework.security.impl.internal.service;

import org.casework.security.impl.internal.roles.RoleCatalog;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferenceCardinality;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.casework.audit.api.AuditEvent;
import org.casework.audit.api.FieldChange;
import org.casework.core.api.Caller;
import org.casework.core.api.CaseworkException;
import org.casework.core.api.NotFoundException;
import org.casework.core.api.Roles;
import org.casework.core.api.FieldError;
import org.casework.core.api.ForbiddenException;
import org.casework.core.api.ValidationException;
import org.casework.security.api.AccountChange;
import org.casework.security.api.AuthenticationException;
import org.casework.security.api.SecurityRoles;
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

/**
 * User accounts in {@code cw_user}: creation by administrators and helpdesk staff, edits and
 * listing by administrators, password resets, own password changes. Role changes are logged as
 * permission changes.
 */
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
    private final SecurityAudit audit;

    /** Present in a running system: role keys given to accounts must name existing roles. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RoleCatalog roleCatalog;

    @Activate
    public UserServiceImpl(@Reference SecurityStore store, @Reference SecurityAudit audit) {
        this(store, new PasswordHasher(), Clock.systemUTC(), audit);
    }

    UserServiceImpl(SecurityStore store, PasswordHasher hasher, Clock clock) {
        this(store, hasher, clock, new SecurityAudit(null));
    }

    UserServiceImpl(SecurityStore store, PasswordHasher hasher, Clock clock, SecurityAudit audit) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
        this.audit = audit;
    }

    private void requireAdmin(Caller caller) {
        if (caller == null || !caller.isAdmin()) {
            throw denied(caller, null, "Only administrators can manage user accounts.");
        }
    }

    /** A refusal, recorded in the audit trail (outside any transaction, so it stays). */
    private ForbiddenException denied(Caller caller, String username, String message) {
        if (caller != null) {
            audit.record(caller, "denied", username, AuditEvent.DENIED, null, message);
        }
        return new ForbiddenException(message);
    }

    private static String text(Set<String> values) {
        return values == null ? null : String.join(",", new java.util.TreeSet<>(values));
    }

    /** Roles helpdesk staff may never hand out: they would raise others above helpdesk. */
    private static final Set<String> PRIVILEGED = Set.of(Roles.ADMIN, SecurityRoles.HELPDESK);

    private static boolean isHelpdesk(Caller caller) {
        return caller != null && caller.roles().contains(SecurityRoles.HELPDESK);
    }

    @Override
    public UserAccount create(Caller caller, NewUser user) {
        if (caller == null || !(caller.isAdmin() || isHelpdesk(caller))) {
            throw denied(caller, null, "Only administrators and the helpdesk can create accounts.");
        }
        if (user == null) {
            throw new ValidationException(null, "required", "Send the new account's details.");
        }
        if (!caller.isAdmin() && user.roles() != null
                && user.roles().stream().anyMatch(PRIVILEGED::contains)) {
            throw denied(caller, user.username(), "The helpdesk cannot create administrator or "
                    + "helpdesk accounts.");
        }
        char[] password = user.password() == null ? null : user.password().toCharArray();
        try {
            List<FieldError> errors = new ArrayList<>(validate(user, password));
            checkRolesExist(user.roles(), errors);
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
            audit.record(caller, "permission-change", user.username(), AuditEvent.SUCCESS, null,
                    "account created with roles " + text(created.get().roles()));
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

    @Override
    public UserAccount update(Caller caller, String username, AccountChange change) {
        if (caller == null) {
            throw new ForbiddenException("Sign in to edit accounts.");
        }
        boolean self = caller.username().equals(username);
        if (!self && !caller.isAdmin()) {
            throw denied(caller, username, "Only administrators can edit other people's accounts.");
        }
        if (change == null) {
            throw new ValidationException(null, "required", "Send the changes.");
        }
        List<FieldError> errors = new ArrayList<>();
        if (change.version() == null) {
            errors.add(new FieldError("version", "required",
                    "Send the version of the account you edited."));
        }
        if (change.fullName() != null && change.fullName().length() > MAX_FULL_NAME) {
            errors.add(new FieldError("fullName", "maxLength",
                    "The full name must be at most " + MAX_FULL_NAME + " characters long."));
        }
        String email = change.email();
        if (email != null && !email.isBlank()
                && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", "email", "Enter a valid e-mail address."));
        }
        checkKeys("roles", change.roles(), errors);
        checkRolesExist(change.roles(), errors);
        checkKeys("divisions", change.divisions(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Set<String> rolesBefore = new java.util.TreeSet<>();
        UserAccount updated;
        try {
            updated = store.updateUser(username, change.version(), user -> {
                rolesBefore.addAll(user.getRoles());
                applyEdit(caller, username, self, change, user);
            });
        } catch (RuntimeException e) {
            // the refusal rolled the transaction back; record it afterwards, so it stays
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ForbiddenException) {
                    throw denied(caller, username, t.getMessage());
                }
            }
            throw e;
        }
        if (!rolesBefore.equals(updated.roles())) {
            LOG.info("permission-change: roles of {} changed from {} to {} by {}", username,
                    rolesBefore, updated.roles(), caller.username());
        }
        if (!updated.active()) {
            int ended = store.deleteSessionsOfUser(username, null);
            if (Boolean.FALSE.equals(change.active())) {
                LOG.info("User {} deactivated by {}; {} sessions ended", username, caller.username(),
                        ended);
            }
        }
        return updated;
    }

    /** Checks and applies an edit inside its transaction; the access changes are audited there. */
    private void applyEdit(Caller caller, String username, boolean self, AccountChange change,
            UserEntity user) {
        if (self) {
            // nobody changes their own access, administrators included: that takes a second person
            if (change.roles() != null && !Set.copyOf(change.roles()).equals(Set.copyOf(user.getRoles()))) {
                throw new ForbiddenException("You cannot change your own roles.");
            }
            if (change.divisions() != null
                    && !Set.copyOf(change.divisions()).equals(Set.copyOf(user.getDivisions()))) {
                throw new ForbiddenException("You cannot change your own divisions.");
            }
            if (change.active() != null && !change.active()) {
                throw new ForbiddenException("You cannot deactivate your own account.");
            }
        }
        List<FieldChange> access = accessChanges(user, change);
        if (change.fullName() != null) {
            user.setFullName(blankToNull(change.fullName()));
        }
        if (change.email() != null) {
            user.setEmail(blankToNull(change.email()));
        }
        if (change.roles() != null) {
            user.setRoles(clean(change.roles()));
        }
        if (change.divisions() != null) {
            user.setDivisions(clean(change.divisions()));
        }
        if (change.active() != null) {
            user.setActive(change.active());
        }
        if (!access.isEmpty()) {
            // in the edit's transaction: no change of access commits without its entry
            audit.recordInTransaction(caller, "permission-change", username, access, null);
        }
    }

    /** The roles, divisions and active flag as the edit changes them (before it is applied). */
    private static List<FieldChange> accessChanges(UserEntity user, AccountChange change) {
        List<FieldChange> changes = new ArrayList<>();
        if (change.roles() != null && !Set.copyOf(change.roles()).equals(Set.copyOf(user.getRoles()))) {
            changes.add(new FieldChange("roles", text(user.getRoles()), text(change.roles())));
        }
        if (change.divisions() != null
                && !Set.copyOf(change.divisions()).equals(Set.copyOf(user.getDivisions()))) {
            changes.add(new FieldChange("divisions", text(user.getDivisions()),
                    text(change.divisions())));
        }
        if (change.active() != null && change.active() != user.isActive()) {
            changes.add(new FieldChange("active", Boolean.toString(user.isActive()),
                    change.active().toString()));
        }
        return changes;
    }

    @Override
    public String resetPassword(Caller caller, String username) {
        if (caller == null || !(caller.isAdmin() || isHelpdesk(caller))) {
            throw denied(caller, username, "Only administrators and the helpdesk can reset passwords.");
        }
        if (caller.username().equals(username)) {
            throw denied(caller, username, "Change your own password with your current one instead.");
        }
        UserRow target = store.findUser(username)
                .orElseThrow(() -> new NotFoundException("The account"));
        if (target.directory()) {
            throw directoryAccount("This account signs in through the directory: reset its "
                    + "password there.");
        }
        if (!caller.isAdmin() && target.account().roles().stream().anyMatch(PRIVILEGED::contains)) {
            throw denied(caller, username, "The helpdesk cannot reset the password of an "
                    + "administrator or helpdesk account.");
        }
        char[] temporary = AdminBootstrap.generate();
        try {
            if (!store.setTemporaryPassword(username, hasher.hash(temporary))) {
                throw new NotFoundException("The account");
            }
            int ended = store.deleteSessionsOfUser(username, null);
            LOG.info("Password of {} reset by {}; {} sessions ended", username, caller.username(),
                    ended);
            audit.record(caller, "update", username, AuditEvent.SUCCESS, null, "password reset");
            return new String(temporary);
        } finally {
            PasswordHasher.wipe(temporary);
        }
    }

    /** A password operation on an account whose password lives in the directory. */
    private static CaseworkException directoryAccount(String message) {
        return new CaseworkException(409, "directory-account", message, List.of());
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

    /** For tests: role keys are checked against this catalogue. */
    void useRoles(RoleCatalog catalog) {
        this.roleCatalog = catalog;
    }

    private void checkRolesExist(Set<String> keys, List<FieldError> errors) {
        RoleCatalog catalog = roleCatalog;
        if (catalog == null || keys == null || errors.stream().anyMatch(e -> e.field().equals("roles"))) {
            return;
        }
        Set<String> unknown = catalog.unknown(keys);
        if (!unknown.isEmpty()) {
            errors.add(new FieldError("roles", "unknown", "There is no role " + String.join(", ", unknown)
                    + ". See the list of roles."));
        }
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
        if (store.findUser(caller.username()).map(UserRow::directory).orElse(false)) {
            throw directoryAccount("You sign in with your directory account: change your "
                    + "password there.");
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
