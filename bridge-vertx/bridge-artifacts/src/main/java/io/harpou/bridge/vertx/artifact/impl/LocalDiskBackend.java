package io.harpou.bridge.vertx.artifact.impl;

import io.harpou.bridge.api.OutsideRootException;
import io.harpou.bridge.api.RootedPaths;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.harpou.bridge.vertx.artifact.ArtifactBackend;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Artifacts as files in a folder of the data directory: {@code ab/abcd...} holds the bytes and
 * {@code ab/abcd....json} the record, each written to a temporary file and renamed, so a crash leaves the old file or
 * the new one. The folder's real path must lie inside the data directory, and every file is opened without following
 * links: a link planted in the folder leads nowhere.
 */
final class LocalDiskBackend implements ArtifactBackend {

  private static final String RECORD = ".json";

  private final Path root;

  private LocalDiskBackend(Path root) {
    this.root = root;
  }

  /**
   * The backend over {@code folder} of {@code dataDir}, created when missing.
   *
   * @throws OutsideRootException when the folder's real path leads out of the data directory
   */
  static LocalDiskBackend open(Path dataDir, String folder) throws IOException {
    Files.createDirectories(dataDir);
    Path wanted = dataDir.resolve(folder);
    Files.createDirectories(wanted);
    return new LocalDiskBackend(RootedPaths.resolve(dataDir, folder));
  }

  @Override
  public List<JsonObject> records() throws IOException {
    List<JsonObject> records = new ArrayList<>();
    try (DirectoryStream<Path> shards = Files.newDirectoryStream(root, p -> Files.isDirectory(p,
        LinkOption.NOFOLLOW_LINKS) && p.getFileName().toString().length() == 2)) {
      for (Path shard : shards) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(shard, "*" + RECORD)) {
          for (Path file : files) {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
              records.add(new JsonObject(Files.readString(file)));
            }
          }
        }
      }
    }
    return records;
  }

  @Override
  public void writeContent(String id, Buffer content, String contentType) throws IOException {
    write(content(id), content.getBytes());
  }

  @Override
  public void writeRecord(String id, JsonObject record) throws IOException {
    write(record(id), record.toBuffer().getBytes());
  }

  @Override
  public Buffer readContent(String id) throws IOException {
    Path file = content(id);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new NoSuchFileException(file.toString());
    }
    return Buffer.buffer(Files.readAllBytes(file));
  }

  @Override
  public void delete(String id) throws IOException {
    Files.deleteIfExists(record(id));
    Files.deleteIfExists(content(id));
  }

  @Override
  public String describe() {
    return "local folder " + root;
  }

  private void write(Path file, byte[] bytes) throws IOException {
    Path shard = file.getParent();
    Files.createDirectories(shard);
    if (!shard.toRealPath().startsWith(root) || Files.isSymbolicLink(shard)) {
      throw new OutsideRootException("artifact folder " + shard.getFileName() + " leads out of " + root);
    }
    Path temporary = Files.createTempFile(shard, ".incoming-", ".tmp");
    try {
      Files.write(temporary, bytes);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private Path content(String id) {
    return root.resolve(id.substring(0, 2)).resolve(id);
  }

  private Path record(String id) {
    return root.resolve(id.substring(0, 2)).resolve(id + RECORD);
  }
}
