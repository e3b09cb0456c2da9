package org.casework.core.api.spi;

/**
 * The kinds of value a case field holds. The engine validates and normalises each kind, and the
 * console renders a matching input.
 */
public enum FieldType {
    /** One line of text. */
    TEXT,
    /** Several paragraphs of text. */
    LONG_TEXT,
    /** A decimal number. */
    NUMBER,
    /** A calendar date, ISO-8601 {@code yyyy-MM-dd}. */
    DATE,
    /** Yes or no. */
    BOOLEAN,
    /** One of a fixed list of option keys. */
    ENUM,
    /** An e-mail address. */
    EMAIL,
    /** A telephone or fax number: digits, spaces and {@code + - ( ) .}. */
    PHONE,
    /** An Alien Registration Number, stored normalised as nine digits. */
    A_NUMBER,
    /**
     * A person: {@code {"fullName", "dateOfBirth", "aliases": [...]}}. A changed name never replaces
     * the old one: the old name joins the also-known-as list.
     */
    PERSON,
    /** A postal address: {@code {"line1","line2","city","state","postalCode","country"}}. */
    ADDRESS,
    /** The id of another case (of any type) that exists and the caller may see. */
    CASE_REFERENCE
}
