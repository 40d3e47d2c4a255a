package io.harpou.tools.system.common;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keeps the first {@code limit} bytes written and counts the rest, so a flood of output costs no memory and the
 * reader can still say how much was cut.
 */
public final class CappedOutput extends OutputStream {

  private final byte[] kept;
  private int size;
  private long dropped;

  /** Keeps at most {@code limit} bytes. */
  public CappedOutput(int limit) {
    this.kept = new byte[limit];
  }

  @Override
  public synchronized void write(int b) {
    if (size < kept.length) {
      kept[size++] = (byte) b;
    } else {
      dropped++;
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    int room = Math.min(length, kept.length - size);
    System.arraycopy(bytes, offset, kept, size, room);
    size += room;
    dropped += length - room;
  }

  /** Bytes beyond the limit that were dropped. */
  public synchronized long dropped() {
    return dropped;
  }

  /** True when anything was dropped. */
  public synchronized boolean truncated() {
    return dropped > 0;
  }

  /** The kept bytes. */
  public synchronized byte[] bytes() {
    return Arrays.copyOf(kept, size);
  }

  /** The kept bytes as UTF-8 (a character cut at the limit becomes a replacement character), with a note of the cut. */
  public synchronized String text() {
    String text = new String(kept, 0, size, StandardCharsets.UTF_8);
    return dropped == 0 ? text : text + "\n[... " + dropped + " more bytes not shown]";
  }
}
