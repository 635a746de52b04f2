package dev.notebooks.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An image as Jib's buildTar writes it (the {@code docker save} layout: manifest.json, the config, one blob per
 * layer, gzipped or not), read the way a container runtime would: the config, and every layer's files with their
 * modes, uncompressed digests and the few small files the tests look into.
 */
final class ImageTar {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Files whose content the tests read: the classpath file and the jars that carry probe classes. */
    private static final Pattern CONTENT_WANTED =
            Pattern.compile("app/jib-classpath-file|app/libs/platform-web-[^/]+\\.jar");

    final Path file;
    final JsonNode manifest;
    final JsonNode config;
    /** Layer blob names in manifest order with the sha256 of their uncompressed bytes. */
    final List<String> layerDigests = new ArrayList<>();
    /** Every path in the image's file system (all layers; leading "./" and "/" removed) with its tar entry. */
    final Map<String, FileInfo> files = new HashMap<>();

    private final Map<String, byte[]> contents = new HashMap<>();

    record FileInfo(String path, int mode, long uid, boolean directory, boolean symbolicLink) {}

    private ImageTar(Path file, JsonNode manifest, JsonNode config) {
        this.file = file;
        this.manifest = manifest;
        this.config = config;
    }

    static ImageTar read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(file + " does not exist: the images are built by `./mvnw -B verify` and by "
                    + "`./mvnw -B -Pimages package -DskipTests` (not with -DskipImages); this test reads them");
        }
        try {
            Map<String, byte[]> smallEntries = new HashMap<>();
            Map<String, LayerRead> layers = new LinkedHashMap<>();
            try (TarArchiveInputStream outer =
                    new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                TarArchiveEntry entry;
                while ((entry = outer.getNextEntry()) != null) {
                    if (entry.isDirectory()) {
                        continue;
                    }
                    if (entry.getName().endsWith(".json")) {
                        smallEntries.put(entry.getName(), outer.readAllBytes());
                    } else {
                        layers.put(entry.getName(), readLayer(outer));
                    }
                }
            }
            JsonNode manifests = JSON.readTree(required(smallEntries, "manifest.json", file));
            if (manifests.size() != 1) {
                throw new AssertionError(file + ": manifest.json should describe one image, has " + manifests.size());
            }
            JsonNode manifest = manifests.get(0);
            JsonNode config =
                    JSON.readTree(required(smallEntries, manifest.get("Config").asText(), file));
            ImageTar image = new ImageTar(file, manifest, config);
            for (JsonNode layerName : manifest.get("Layers")) {
                LayerRead layer = layers.get(layerName.asText());
                if (layer == null) {
                    throw new AssertionError(file + ": manifest.json names layer " + layerName + ", not in the tar");
                }
                image.layerDigests.add("sha256:" + layer.digest);
                // later layers win, as in a container's root file system
                layer.files.forEach(info -> image.files.put(info.path(), info));
                image.contents.putAll(layer.contents);
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** @return the text of a file in the image (only those {@link #CONTENT_WANTED} names), or fails. */
    String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    byte[] bytes(String path) {
        byte[] content = contents.get(path);
        if (content == null) {
            throw new AssertionError(file + " has no " + path + " (or the test did not keep it)");
        }
        return content;
    }

    /** @return the names of the entries of a jar that is in the image. */
    Set<String> jarEntries(String path) {
        Set<String> names = new TreeSet<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes(path)))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                names.add(entry.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
        return names;
    }

    /** @return the config's environment as a map (Env is a list of NAME=value). */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode variable : config.path("config").path("Env")) {
            String text = variable.asText();
            int equals = text.indexOf('=');
            environment.put(text.substring(0, equals), text.substring(equals + 1));
        }
        return environment;
    }

    private record LayerRead(String digest, List<FileInfo> files, Map<String, byte[]> contents) {}

    private static LayerRead readLayer(InputStream blob) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(nonClosing(blob), 1 << 16);
        buffered.mark(2);
        boolean gzipped = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        MessageDigest sha256 = sha256();
        DigestInputStream uncompressed =
                new DigestInputStream(gzipped ? new GZIPInputStream(buffered, 1 << 16) : buffered, sha256);
        List<FileInfo> files = new ArrayList<>();
        Map<String, byte[]> contents = new HashMap<>();
        TarArchiveInputStream layer = new TarArchiveInputStream(uncompressed);
        TarArchiveEntry entry;
        while ((entry = layer.getNextEntry()) != null) {
            String path = normalize(entry.getName());
            if (path.isEmpty()) {
                continue;
            }
            files.add(new FileInfo(
                    path, entry.getMode(), entry.getLongUserId(), entry.isDirectory(), entry.isSymbolicLink()));
            if (CONTENT_WANTED.matcher(path).matches()) {
                contents.put(path, layer.readAllBytes());
            }
        }
        // the digest covers every byte of the layer, end-of-archive blocks included
        uncompressed.transferTo(java.io.OutputStream.nullOutputStream());
        return new LayerRead(HexFormat.of().formatHex(sha256.digest()), files, contents);
    }

    static String normalize(String name) {
        String path = name;
        while (path.startsWith("./") || path.startsWith("/")) {
            path = path.startsWith("./") ? path.substring(2) : path.substring(1);
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static byte[] required(Map<String, byte[]> entries, String name, Path file) {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new AssertionError(file + " has no " + name + ": not an image as `docker save` writes one");
        }
        return bytes;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outer tar's stream stays open while one layer (one entry of it) is read. */
    private static InputStream nonClosing(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {}
        };
    }
}
