package io.harpou.testkit.ha.impl;

import io.vertx.core.buffer.Buffer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Small valid PNG pictures for the camera entities: a coloured frame with a darker band, unique per camera. */
final class Images {

  static final int WIDTH = 64;
  static final int HEIGHT = 48;

  private Images() {
  }

  static Buffer snapshot(String entityId) {
    int hash = entityId.hashCode();
    int r = 64 + (hash & 0x7f);
    int g = 64 + ((hash >> 8) & 0x7f);
    int b = 64 + ((hash >> 16) & 0x7f);
    byte[] raw = new byte[HEIGHT * (1 + WIDTH * 3)];
    int i = 0;
    for (int y = 0; y < HEIGHT; y++) {
      raw[i++] = 0;
      boolean band = y > HEIGHT / 3 && y < 2 * HEIGHT / 3;
      for (int x = 0; x < WIDTH; x++) {
        raw[i++] = (byte) (band ? r / 2 : r);
        raw[i++] = (byte) (band ? g / 2 : g);
        raw[i++] = (byte) (band ? b / 2 : b);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    byte[] header = new byte[13];
    putInt(header, 0, WIDTH);
    putInt(header, 4, HEIGHT);
    header[8] = 8;
    header[9] = 2;
    chunk(png, "IHDR", header);
    chunk(png, "IDAT", deflate(raw));
    chunk(png, "IEND", new byte[0]);
    return Buffer.buffer(png.toByteArray());
  }

  private static byte[] deflate(byte[] raw) {
    Deflater deflater = new Deflater();
    deflater.setInput(raw);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    while (!deflater.finished()) {
      out.write(buf, 0, deflater.deflate(buf));
    }
    deflater.end();
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
    byte[] len = new byte[4];
    putInt(len, 0, data.length);
    png.writeBytes(len);
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    png.writeBytes(typeBytes);
    png.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    byte[] c = new byte[4];
    putInt(c, 0, (int) crc.getValue());
    png.writeBytes(c);
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }
}
