package io.harpou.bridge.vertx.memory.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Unit vectors of one dimension in one contiguous array, row by row, with exact top-k search by dot product. A scan
 * reads memory in order and keeps the k best in a small heap of primitives, so 10,000 vectors of 384 floats take about
 * a millisecond and allocate nothing per row. Removal moves the last row into the hole. Searches may run concurrently;
 * writes take the lock alone.
 */
final class VectorMatrix {

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, Integer> rowOf = new HashMap<>();
  private String[] ids = new String[64];
  private float[] data;
  private int dimension = -1;
  private int rows;

  /** Adds or replaces a row; a vector whose dimension differs from the first one is refused. */
  void put(String id, float[] vector) {
    lock.writeLock().lock();
    try {
      if (dimension < 0) {
        dimension = vector.length;
        data = new float[64 * dimension];
      } else if (vector.length != dimension) {
        throw new IllegalArgumentException("vector of dimension " + vector.length + " in an index of " + dimension);
      }
      Integer row = rowOf.get(id);
      if (row == null) {
        row = rows++;
        if (rows > ids.length) {
          ids = Arrays.copyOf(ids, ids.length * 2);
          data = Arrays.copyOf(data, ids.length * dimension);
        }
        ids[row] = id;
        rowOf.put(id, row);
      }
      System.arraycopy(vector, 0, data, row * dimension, dimension);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes a row; false when there was none. */
  boolean remove(String id) {
    lock.writeLock().lock();
    try {
      Integer row = rowOf.remove(id);
      if (row == null) {
        return false;
      }
      int last = --rows;
      if (row != last) {
        ids[row] = ids[last];
        rowOf.put(ids[row], row);
        System.arraycopy(data, last * dimension, data, row * dimension, dimension);
      }
      ids[last] = null;
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** How many rows it holds. */
  int size() {
    lock.readLock().lock();
    try {
      return rows;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The {@code k} rows with the largest dot product with {@code query}, largest first. */
  List<VectorIndex.Hit> top(float[] query, int k) {
    lock.readLock().lock();
    try {
      if (rows == 0 || k <= 0 || query.length != dimension) {
        return List.of();
      }
      int size = Math.min(k, rows);
      // A min-heap on score: the root is the weakest of the best so far.
      float[] scores = new float[size];
      int[] best = new int[size];
      int filled = 0;
      for (int row = 0; row < rows; row++) {
        float score = dot(query, data, row * dimension);
        if (filled < size) {
          scores[filled] = score;
          best[filled] = row;
          siftUp(scores, best, filled++);
        } else if (score > scores[0]) {
          scores[0] = score;
          best[0] = row;
          siftDown(scores, best, size);
        }
      }
      List<VectorIndex.Hit> out = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        out.add(new VectorIndex.Hit(ids[best[i]], scores[i]));
      }
      out.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  // Four independent sums let the CPU overlap the additions instead of waiting on one running total.
  private static float dot(float[] query, float[] data, int offset) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int n = query.length;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += query[i] * data[offset + i];
      s1 += query[i + 1] * data[offset + i + 1];
      s2 += query[i + 2] * data[offset + i + 2];
      s3 += query[i + 3] * data[offset + i + 3];
    }
    for (; i < n; i++) {
      s0 += query[i] * data[offset + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  private static void siftUp(float[] scores, int[] rows, int at) {
    while (at > 0) {
      int parent = (at - 1) / 2;
      if (scores[parent] <= scores[at]) {
        return;
      }
      swap(scores, rows, parent, at);
      at = parent;
    }
  }

  private static void siftDown(float[] scores, int[] rows, int size) {
    int at = 0;
    while (true) {
      int left = 2 * at + 1;
      int smallest = at;
      if (left < size && scores[left] < scores[smallest]) {
        smallest = left;
      }
      if (left + 1 < size && scores[left + 1] < scores[smallest]) {
        smallest = left + 1;
      }
      if (smallest == at) {
        return;
      }
      swap(scores, rows, smallest, at);
      at = smallest;
    }
  }

  private static void swap(float[] scores, int[] rows, int a, int b) {
    float score = scores[a];
    scores[a] = scores[b];
    scores[b] = score;
    int row = rows[a];
    rows[a] = rows[b];
    rows[b] = row;
  }
}
