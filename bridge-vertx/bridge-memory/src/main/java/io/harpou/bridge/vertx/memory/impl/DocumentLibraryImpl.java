package io.harpou.bridge.vertx.memory.impl;

import io.harpou.bridge.api.OutsideRootException;
import io.harpou.bridge.api.RootedPaths;
import io.harpou.bridge.api.event.DocumentIndexed;
import io.harpou.bridge.api.event.EventPublisher;
import io.harpou.bridge.api.memory.Passage;
import io.harpou.bridge.vertx.memory.DocumentLibrary;
import io.harpou.bridge.vertx.memory.Embedder;
import io.harpou.bridge.vertx.memory.MemoryOptions;
import io.harpou.bridge.vertx.memory.MemoryStorage;
import io.harpou.bridge.vertx.memory.MemoryStorage.Chunk;
import io.harpou.bridge.vertx.memory.MemoryStorage.StoredVector;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Indexes one folder incrementally by content hash; file reading and parsing run on workers. */
final class DocumentLibraryImpl implements DocumentLibrary {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentLibraryImpl.class);
  /** Texts per call to the embedder, which spreads them over its own workers. */
  private static final int EMBED_BATCH = 256;
  /** Files indexed at the same time. */
  private static final int FILES_AT_ONCE = 4;

  private final Vertx vertx;
  private final MemoryStorage storage;
  private final Embedder embedder;
  private final VectorIndex index;
  private final HybridSearch search;
  private final MemoryOptions options;
  private final Path folder;
  private final EventPublisher events;
  private Future<JsonObject> running;

  DocumentLibraryImpl(Vertx vertx, MemoryStorage storage, Embedder embedder, VectorIndex index, HybridSearch search,
                      MemoryOptions options) {
    this.vertx = vertx;
    this.storage = storage;
    this.embedder = embedder;
    this.index = index;
    this.search = search;
    this.options = options;
    this.folder = options.getDocsDir() == null ? null : Path.of(options.getDocsDir()).toAbsolutePath();
    this.events = new EventPublisher(vertx);
  }

  @Override
  public synchronized Future<JsonObject> sync() {
    if (running != null) {
      return running;
    }
    JsonObject counts = new JsonObject().put("indexed", 0).put("removed", 0).put("unchanged", 0).put("failed", 0)
        .put("pages", 0).put("chunks", 0);
    if (folder == null) {
      return Future.succeededFuture(counts);
    }
    Future<JsonObject> sync = vertx.executeBlocking(this::scan, false)
        .compose(found -> storage.documentHashes().compose(known -> {
          Future<Void> chain = Future.succeededFuture();
          for (String file : known.keySet()) {
            if (!found.containsKey(file)) {
              chain = chain.compose(v -> removeFile(file).map(n -> bump(counts, "removed", 1)));
            }
          }
          List<Map.Entry<String, String>> changed = new ArrayList<>();
          for (Map.Entry<String, String> entry : found.entrySet()) {
            if (entry.getValue().equals(known.get(entry.getKey()))) {
              bump(counts, "unchanged", 1);
            } else {
              changed.add(entry);
            }
          }
          // A few files at a time: one file's chunks are often fewer than a batch, and while one file is embedded
          // the next is read and parsed, so every embedding worker stays busy.
          for (int from = 0; from < changed.size(); from += FILES_AT_ONCE) {
            List<Map.Entry<String, String>> group = changed.subList(from, Math.min(changed.size(),
                from + FILES_AT_ONCE));
            chain = chain.compose(v -> Future.join(group.stream().map(entry -> indexFile(entry.getKey(),
                entry.getValue(), counts).recover(e -> {
                  LOG.warn("Could not index {}: {}", entry.getKey(), e.getMessage());
                  bump(counts, "failed", 1);
                  return Future.succeededFuture();
                })).toList()).mapEmpty());
          }
          return chain.map(counts);
        }))
        .onSuccess(c -> LOG.debug("Documents synced: {}", c.encode()));
    running = sync;
    sync.onComplete(ignored -> {
      synchronized (this) {
        running = null;
      }
    });
    return sync;
  }

  private Void bump(JsonObject counts, String key, int by) {
    synchronized (counts) {
      counts.put(key, counts.getInteger(key) + by);
    }
    return null;
  }

  /**
   * Relative path (with '/') to content hash, for every supported, non-hidden file under the folder. A link is
   * indexed only when its real target lies inside the folder too.
   */
  private Map<String, String> scan() throws IOException {
    Map<String, String> found = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return found;
    }
    // The walk starts from the real folder, so a documents folder that is itself a link is walked too.
    Path root = folder.toRealPath();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(TextExtractor::supports).toList()) {
        Path relative = root.relativize(file);
        boolean hidden = false;
        for (Path part : relative) {
          hidden |= part.toString().startsWith(".");
        }
        Path real = hidden ? null : inside(file, relative);
        if (real != null && Files.isRegularFile(real)) {
          found.put(relative.toString().replace('\\', '/'), sha256(real));
        }
      }
    }
    return found;
  }

  /** The real path of a file found in the folder, or null (with a warning) when it links outside or dangles. */
  private Path inside(Path file, Path relative) throws IOException {
    try {
      return RootedPaths.resolve(folder, file);
    } catch (OutsideRootException e) {
      LOG.warn("Not indexing {}: it links outside the documents folder", relative);
    } catch (NoSuchFileException e) {
      LOG.warn("Not indexing {}: it links to a file that does not exist", relative);
    }
    return null;
  }

  private Future<Void> removeFile(String file) {
    return storage.removeDocument(file).compose(index::remove)
        .onSuccess(v -> events.publish(new DocumentIndexed(Instant.now(), file, "removed")));
  }

  private Future<Void> indexFile(String file, String hash, JsonObject counts) {
    return vertx.executeBlocking(() -> {
      List<TextExtractor.Page> pages = TextExtractor.pages(RootedPaths.resolve(folder, Path.of(file)));
      String prefix = "doc-" + sha256(file + "\n" + hash).substring(0, 20) + "-";
      List<Chunk> chunks = new ArrayList<>();
      for (TextExtractor.Page page : pages) {
        for (String text : Chunker.chunks(page.text(), options.getChunkSize(), options.getChunkOverlap())) {
          chunks.add(new Chunk(prefix + chunks.size(), file, page.number(), chunks.size(), text));
        }
      }
      return new Object[] {pages.size(), chunks};
    }, false).compose(parsed -> {
      @SuppressWarnings("unchecked")
      List<Chunk> chunks = (List<Chunk>) parsed[1];
      int pageCount = (Integer) parsed[0];
      return embedAll(chunks.stream().map(Chunk::text).toList())
          .compose(vectors -> storage.replaceDocument(file, hash, pageCount, chunks, vectors, embedder.modelId())
          .compose(old -> index.remove(old)).compose(v -> {
            List<StoredVector> entries = new ArrayList<>();
            for (int i = 0; i < chunks.size(); i++) {
              entries.add(new StoredVector(chunks.get(i).id(), MemoryStorage.CHUNK, vectors.get(i)));
            }
            return index.upsert(entries);
          }))
          .onSuccess(v -> {
            // Answers kept from the old text are stale now: the response cache listens for this.
            events.publish(new DocumentIndexed(Instant.now(), file, "indexed"));
            bump(counts, "indexed", 1);
            bump(counts, "pages", pageCount);
            bump(counts, "chunks", chunks.size());
          });
    });
  }

  private Future<List<float[]>> embedAll(List<String> texts) {
    List<float[]> out = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < texts.size(); from += EMBED_BATCH) {
      List<String> batch = texts.subList(from, Math.min(texts.size(), from + EMBED_BATCH));
      chain = chain.compose(v -> embedder.embedAll(batch).map(vectors -> {
        out.addAll(vectors);
        return null;
      }));
    }
    return chain.map(v -> out);
  }

  @Override
  public Future<List<Passage>> search(String text, int limit) {
    if (text == null || text.isBlank() || limit <= 0) {
      return Future.failedFuture(new IllegalArgumentException("document search needs text and a positive limit"));
    }
    int depth = Math.max(limit * 4, 20);
    return search.rank(text, MemoryStorage.CHUNK, depth, terms -> storage.searchChunks(terms, depth))
        .compose(ranked -> storage.chunks(ranked.stream().map(HybridSearch.Scored::id).toList()).map(found -> {
              List<Passage> out = new ArrayList<>();
              for (HybridSearch.Scored scored : ranked) {
                Chunk chunk = found.get(scored.id());
                if (chunk != null && out.size() < limit) {
                  out.add(new Passage(chunk.file(), chunk.page(), chunk.text(), scored.score()));
                }
              }
              return out;
            }));
  }

  @Override
  public Future<List<JsonObject>> files() {
    return storage.files().map(rows -> rows.stream().map(row -> new JsonObject()
        .put("file", row.file()).put("pages", row.pages()).put("chunks", row.chunks())
        .put("indexed_at", row.indexedAt().toString())).toList());
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = digest();
      byte[] buffer = new byte[65536];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    }
  }

  private static String sha256(String text) {
    return HexFormat.of().formatHex(digest().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
