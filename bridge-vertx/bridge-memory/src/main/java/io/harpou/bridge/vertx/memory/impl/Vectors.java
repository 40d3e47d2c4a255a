package io.harpou.bridge.vertx.memory.impl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Vector helpers: unit normalisation, dot product, and the little-endian blob stored in the database. */
public final class Vectors {

  private Vectors() {
  }

  /** The vector scaled to unit length (a zero vector stays zero). */
  public static float[] normalize(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    float[] out = v.clone();
    if (sum > 0) {
      float inv = (float) (1.0 / Math.sqrt(sum));
      for (int i = 0; i < out.length; i++) {
        out[i] *= inv;
      }
    }
    return out;
  }

  /** The dot product, which is the cosine similarity for unit vectors; 0 when dimensions differ. */
  public static double dot(float[] a, float[] b) {
    if (a.length != b.length) {
      return 0;
    }
    float sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  public static byte[] toBlob(float[] v) {
    ByteBuffer buffer = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float x : v) {
      buffer.putFloat(x);
    }
    return buffer.array();
  }

  public static float[] fromBlob(byte[] blob) {
    ByteBuffer buffer = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[blob.length / 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = buffer.getFloat();
    }
    return v;
  }
}
