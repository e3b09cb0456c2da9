package org.casework.security.impl.internal.crypto;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes secrets to files only their owner may read: the generated admin password, the secrets key. */
public final class OwnerOnlyFile {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFile.class);

    private OwnerOnlyFile() {
    }

    /**
     * Creates {@code file} (and its folder) readable and writable by the owner only, then writes
     * {@code content}. The permissions are set at creation, so there is no moment another user
     * could open it.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the file exists
     */
    public static void create(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
            // the umask may have narrowed what createFile was given; say it once more
            Files.setPosixFilePermissions(file, ownerOnly);
        } else {
            Files.createFile(file);
            LOG.warn("This file system has no POSIX permissions: restrict access to {} by hand", file);
        }
        Files.write(file, content);
    }
}
