package org.casework.security.impl.internal.profile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.casework.core.api.ConflictException;
import org.casework.core.api.NotFoundException;
import org.casework.persistence.api.MigratedSchema;
import org.casework.security.impl.internal.persistence.SecurityStore;
import org.casework.security.impl.internal.persistence.UserEntity;
import org.casework.security.impl.internal.persistence.UserProfileEntity;
import org.casework.security.impl.internal.persistence.UserTrainingEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.casework.persistence.jpa.TransactionConnection;

/**
 * Reads and writes staff profiles and training records in the security bundle's persistence
 * unit, each call in a transaction of its own (or the caller's). Returns detached rows, never
 * entities. Starts only once the bundle's migrations have been applied.
 */
@Component(service = ProfileStore.class)
public class ProfileStore {

    /** An account with its profile; the profile fields are null and version 0 when none exists. */
    record Subject(String username, String fullName, String email, boolean active, String title,
            String phone, String manager, String workDays, String workStart, String workEnd,
            String timeZone, long version) {

        static Subject of(UserEntity user, UserProfileEntity profile) {
            if (profile == null) {
                return new Subject(user.getUsername(), user.getFullName(), user.getEmail(),
                        user.isActive(), null, null, null, null, null, null, null, 0);
            }
            return new Subject(user.getUsername(), user.getFullName(), user.getEmail(),
                    user.isActive(), profile.getTitle(), profile.getPhone(), profile.getManager(),
                    profile.getWorkDays(), profile.getWorkStart(), profile.getWorkEnd(),
                    profile.getTimeZone(), profile.getVersion());
        }
    }

    /** A training record, detached. */
    record Training(long id, String username, String course, java.time.LocalDate completedOn,
            java.time.LocalDate validUntil, String recordedBy, java.time.Instant recordedAt,
            String note) {

        static Training of(UserTrainingEntity e) {
            return new Training(e.getId(), e.getUsername(), e.getCourse(), e.getCompletedOn(),
                    e.getValidUntil(), e.getRecordedBy(), e.getRecordedAt(), e.getNote());
        }
    }

    private final JpaTemplate jpa;

    @Activate
    public ProfileStore(
            @Reference(target = "(osgi.unit.name=" + SecurityStore.UNIT + ")") JpaTemplate jpa,
            @Reference(target = "(" + MigratedSchema.PROPERTY + "=org.casework.security.impl)")
            MigratedSchema schema) {
        this.jpa = jpa;
    }

    private <R> R tx(EmFunction<R> work) {
        return jpa.txExpr(TransactionType.Required, em -> work.apply(TransactionConnection.claim(em)));
    }

    /** The account and its profile; empty when there is no such account. */
    public Optional<Subject> find(String username) {
        return tx(em -> find(em, username));
    }

    private static Optional<Subject> find(EntityManager em, String username) {
        if (username == null) {
            return Optional.empty();
        }
        UserEntity user = em.find(UserEntity.class, username);
        if (user == null) {
            return Optional.empty();
        }
        return Optional.of(Subject.of(user, em.find(UserProfileEntity.class, username)));
    }

    /** Whether an account of that name exists. */
    public boolean exists(String username) {
        return tx(em -> em.find(UserEntity.class, username) != null);
    }

    /** The recorded manager of a person; empty when none is recorded. */
    public Optional<String> managerOf(String username) {
        return tx(em -> Optional.ofNullable(em.find(UserProfileEntity.class, username))
                .map(UserProfileEntity::getManager));
    }

    /** The active accounts whose profile names {@code manager}, by user name. */
    public List<Subject> activeReports(String manager) {
        return tx(em -> {
            List<Subject> reports = new ArrayList<>();
            for (UserProfileEntity profile : em.createQuery("SELECT p FROM UserProfileEntity p "
                    + "WHERE p.manager = :manager ORDER BY p.username", UserProfileEntity.class)
                    .setParameter("manager", manager).getResultList()) {
                UserEntity user = em.find(UserEntity.class, profile.getUsername());
                if (user != null && user.isActive()) {
                    reports.add(Subject.of(user, profile));
                }
            }
            return reports;
        });
    }

    /**
     * Applies an edit to a profile if its version still matches, creating the profile on its
     * first edit (version 0), in one transaction.
     *
     * @param edit applies the change and audits it; runs inside the transaction, so a refusal
     *     it throws leaves nothing changed
     * @throws NotFoundException when there is no such account
     * @throws ConflictException when the profile changed since {@code expectedVersion}
     */
    public Subject updateProfile(String username, long expectedVersion,
            Consumer<UserProfileEntity> edit) {
        return tx(em -> {
            UserEntity user = em.find(UserEntity.class, username);
            if (user == null) {
                throw new NotFoundException("The account");
            }
            UserProfileEntity profile = em.find(UserProfileEntity.class, username);
            long current = profile == null ? 0 : profile.getVersion();
            if (current != expectedVersion) {
                throw new ConflictException(expectedVersion, current);
            }
            if (profile == null) {
                profile = new UserProfileEntity(username);
                edit.accept(profile);
                em.persist(profile);
            } else {
                edit.accept(profile);
            }
            em.flush();
            return Subject.of(user, profile);
        });
    }

    /** The trainings of the given people, latest completion first. */
    public List<Training> trainings(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return tx(em -> em.createQuery("SELECT t FROM UserTrainingEntity t "
                + "WHERE t.username IN :usernames ORDER BY t.completedOn DESC, t.id DESC",
                UserTrainingEntity.class).setParameter("usernames", List.copyOf(usernames))
                .getResultList().stream().map(Training::of).toList());
    }

    /**
     * Stores a training record and runs {@code audit} with it in the same transaction.
     *
     * @throws NotFoundException when the account no longer exists
     */
    public Training insertTraining(UserTrainingEntity training, Consumer<Training> audit) {
        return tx(em -> {
            if (em.find(UserEntity.class, training.getUsername()) == null) {
                throw new NotFoundException("The account");
            }
            em.persist(training);
            em.flush();
            Training stored = Training.of(training);
            audit.accept(stored);
            return stored;
        });
    }

    /**
     * Deletes a person's training record and runs {@code audit} with it in the same transaction.
     *
     * @return false when the person has no record with that id
     */
    public boolean deleteTraining(String username, long id, Consumer<Training> audit) {
        return tx(em -> {
            UserTrainingEntity training = em.find(UserTrainingEntity.class, id);
            if (training == null || !training.getUsername().equals(username)) {
                return false;
            }
            Training removed = Training.of(training);
            em.remove(training);
            em.flush();
            audit.accept(removed);
            return true;
        });
    }
}
