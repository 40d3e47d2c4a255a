package io.harpou.samples.hubimage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A container image tarball as {@code docker load} reads it (Jib's {@code buildTar}): its manifest, its configuration
 * and the files of its layers, read with a small tar reader since the JDK has none and no Docker engine runs here.
 */
final class ImageTar {

  /** One file of a layer: its mode bits and, for small files, its content. */
  record Entry(String path, int mode, char type, long size, byte[] content) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int KEEP_CONTENT = 64 * 1024;

  private final JsonNode manifest;
  private final JsonNode config;
  private final Map<String, byte[]> outer;

  private ImageTar(Map<String, byte[]> outer) throws IOException {
    this.outer = outer;
    this.manifest = JSON.readTree(outer.get("manifest.json")).get(0);
    this.config = JSON.readTree(outer.get(manifest.get("Config").asText()));
  }

  static ImageTar read(Path tar) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (InputStream in = Files.newInputStream(tar)) {
      readTar(in, Integer.MAX_VALUE, (entry, bytes) -> files.put(entry.path(), bytes));
    }
    return new ImageTar(files);
  }

  JsonNode manifest() {
    return manifest;
  }

  /** The image configuration's {@code config} object: Entrypoint, User, ExposedPorts, Env, Labels, Volumes. */
  JsonNode config() {
    return config.get("config");
  }

  /** Every file of every layer, by path without the leading slash, later layers winning. */
  Map<String, Entry> files() throws IOException {
    Map<String, Entry> files = new LinkedHashMap<>();
    for (JsonNode layer : manifest.get("Layers")) {
      try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(outer.get(layer.asText())))) {
        readTar(in, KEEP_CONTENT, (entry, bytes) -> files.put(entry.path().replaceFirst("^\\./", "")
            .replaceFirst("/$", ""), entry));
      }
    }
    return files;
  }

  /** Unpacks every layer into {@code root}, with each file's mode. */
  void unpack(Path root) throws IOException {
    for (JsonNode layer : manifest.get("Layers")) {
      try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(outer.get(layer.asText())))) {
        readTar(in, Integer.MAX_VALUE, (entry, bytes) -> {
          Path target = root.resolve(entry.path().replaceFirst("^/", "")).normalize();
          if (!target.startsWith(root)) {
            throw new IOException("a layer writes outside the image: " + entry.path());
          }
          if (entry.type() == '5') {
            Files.createDirectories(target);
          } else if (entry.type() == '0' || entry.type() == 0) {
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
          }
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(rwx(entry.mode())));
        });
      }
    }
  }

  private static String rwx(int mode) {
    StringBuilder bits = new StringBuilder();
    for (int shift = 6; shift >= 0; shift -= 3) {
      int part = (mode >> shift) & 7;
      bits.append((part & 4) != 0 ? 'r' : '-').append((part & 2) != 0 ? 'w' : '-').append((part & 1) != 0 ? 'x' : '-');
    }
    return bits.toString();
  }

  private interface EntryHandler {
    void accept(Entry entry, byte[] content) throws IOException;
  }

  /** Reads ustar entries, skipping pax headers; contents over {@code keep} bytes are read but not kept. */
  private static void readTar(InputStream in, int keep, EntryHandler handler) throws IOException {
    byte[] header = new byte[512];
    while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
      String name = text(header, 0, 100);
      String prefix = text(header, 345, 155);
      int mode = (int) octal(header, 100, 8);
      long size = octal(header, 124, 12);
      char type = (char) header[156];
      ByteArrayOutputStream content = new ByteArrayOutputStream();
      long left = size;
      byte[] buffer = new byte[65536];
      while (left > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read < 0) {
          throw new IOException("truncated tar entry " + name);
        }
        if (size <= keep) {
          content.write(buffer, 0, read);
        }
        left -= read;
      }
      in.skipNBytes((512 - size % 512) % 512);
      if (type == 'x' || type == 'g') {
        continue;
      }
      String path = prefix.isEmpty() ? name : prefix + "/" + name;
      handler.accept(new Entry(path, mode, type, size, content.toByteArray()), content.toByteArray());
    }
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] header, int offset, int length) {
    String digits = text(header, offset, length).trim();
    return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
  }
}
