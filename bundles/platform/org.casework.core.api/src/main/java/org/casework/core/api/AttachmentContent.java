package org.casework.core.api;

/** An attachment with its bytes, as returned for download. */
public record AttachmentContent(AttachmentRecord attachment, byte[] content) {
}
