package de.buergerkonto.eidadapter.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * One attribute read from the ID card: a value, or the reason there is none. Never a sentinel
 * string such as {@code NOTONCHIP} standing in for a name.
 *
 * <p>{@code toString()} never shows the value: card data is personal data and must not reach logs.
 */
public sealed interface EidAttribute<T> permits EidAttribute.Present, EidAttribute.Absent {

    static <T> EidAttribute<T> present(T value) {
        return new Present<>(value);
    }

    static <T> EidAttribute<T> absent(AbsenceReason reason) {
        return new Absent<>(reason);
    }

    /** The value, if there is one. */
    Optional<T> toOptional();

    /** Why there is no value; empty when there is one. */
    Optional<AbsenceReason> absenceReason();

    default boolean isPresent() {
        return toOptional().isPresent();
    }

    /** An attribute with a value. */
    record Present<T>(T value) implements EidAttribute<T> {

        public Present {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Optional<T> toOptional() {
            return Optional.of(value);
        }

        @Override
        public Optional<AbsenceReason> absenceReason() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "Present[***]";
        }
    }

    /** An attribute without a value, and why. */
    record Absent<T>(AbsenceReason reason) implements EidAttribute<T> {

        public Absent {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<T> toOptional() {
            return Optional.empty();
        }

        @Override
        public Optional<AbsenceReason> absenceReason() {
            return Optional.of(reason);
        }
    }
}
