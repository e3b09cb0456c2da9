package org.casework.itests.support;

import static org.ops4j.pax.exam.CoreOptions.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.casework.persistence.api.Migrations;
import org.ops4j.pax.exam.Option;

/** Small bundles built in the driver JVM from test resources, installed into the container. */
public final class TestBundles {

    private TestBundles() {
    }

    /**
     * A bundle with symbolic name {@code bsn} holding the files under the test resource folder
     * {@code resources} and the header {@code Casework-Migrations: db/migration}.
     */
    public static Option migrations(String bsn, String resources) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", bsn);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue(Migrations.HEADER, "db/migration");
        try {
            Path root = folder(resources);
            Path jar = Files.createTempFile(bsn + "-", ".jar");
            jar.toFile().deleteOnExit();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
            }
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
                for (Path file : files) {
                    zip.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
            return bundle(jar.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A bundle {@code bsn} made of the given test classes (with their nested classes), started
     * by {@code activator}, importing {@code imports}.
     */
    public static Option activator(String bsn, Class<?> activator, String imports, Class<?>... classes) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", bsn);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", activator.getName());
        main.putValue("Import-Package", imports);
        try {
            Path jar = Files.createTempFile(bsn + "-", ".jar");
            jar.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
                for (Class<?> type : classes) {
                    String entry = type.getName().replace('.', '/') + ".class";
                    Path file = folder(entry);
                    String prefix = file.getFileName().toString().replace(".class", "$");
                    List<Path> all;
                    try (Stream<Path> siblings = Files.list(file.getParent())) {
                        all = siblings.filter(p -> p.equals(file) || p.getFileName().toString().startsWith(prefix))
                                .sorted().collect(Collectors.toList());
                    }
                    String dir = entry.substring(0, entry.lastIndexOf('/') + 1);
                    for (Path p : all) {
                        zip.putNextEntry(new JarEntry(dir + p.getFileName()));
                        zip.write(Files.readAllBytes(p));
                        zip.closeEntry();
                    }
                }
            }
            return bundle(jar.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path folder(String resources) {
        URL url = TestBundles.class.getClassLoader().getResource(resources);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalArgumentException("No test resource folder " + resources);
        }
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }
}
