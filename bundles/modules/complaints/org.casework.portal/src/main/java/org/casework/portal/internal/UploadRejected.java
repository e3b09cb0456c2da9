package org.casework.portal.internal;

/**
 * A request the portal refuses before it reaches the complaints module: a file too large or of
 * the wrong kind, a malformed form. Carries what the message needs, in no language yet.
 */
final class UploadRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;
    private final String rule;
    private final String fileName;

    UploadRejected(int status, String field, String rule, String fileName) {
        super(rule + (fileName == null ? "" : " (" + fileName + ")"));
        this.status = status;
        this.field = field;
        this.rule = rule;
        this.fileName = fileName;
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }

    String rule() {
        return rule;
    }

    String fileName() {
        return fileName;
    }
}
