package io.harpou.benchmarks.voice;

import io.harpou.bridge.vertx.voice.VoiceBackends;
import io.harpou.bridge.vertx.voice.VoiceOptions;
import io.harpou.bridge.vertx.voice.WyomingServiceVerticle;
import io.harpou.wyoming.WyomingClient;
import io.harpou.wyoming.WyomingClientOptions;
import io.harpou.wyoming.WyomingConnection;
import io.harpou.wyoming.message.Audio;
import io.harpou.wyoming.message.Control;
import io.harpou.wyoming.message.Pipeline.RunPipeline;
import io.harpou.wyoming.message.PipelineStage;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Load harness: N satellites (default 100) dial in at once and stream microphone audio in real time (16 kHz, a
 * 2048-byte chunk every 64 ms) for a few seconds. After every chunk a satellite sends a {@code ping}; since a
 * connection's events are handled in order, the {@code pong} comes back only once the chunk has been taken in, so
 * the round trip bounds the latency voice adds to a chunk (loopback network and both event loops included). At the
 * end, the bytes each utterance handed to speech-to-text are compared with the bytes sent: any difference is dropped
 * audio. The same connections stream twice: a warm-up round, then the measured one.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.harpou.benchmarks.voice.SatelliteLoadHarness [n]
 * [seconds]}
 */
public final class SatelliteLoadHarness {

  private static final int CHUNK = 2048;
  private static final long CHUNK_MS = 64;

  private SatelliteLoadHarness() {
  }

  /** Runs the harness and prints the figures. */
  public static void main(String[] args) throws Exception {
    int satellites = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Vertx vertx = Vertx.vertx();
    VoiceFakes.CountingStt stt = new VoiceFakes.CountingStt();
    VoiceOptions options = new VoiceOptions().setHost("127.0.0.1").setPort(0).setArbitrationWindowMs(0)
        .setMaxUtteranceMs(60_000);
    // Every simulated satellite dials in from loopback, so the server takes them all from that one address.
    options.getServer().setMaxConnections(satellites).setMaxConnectionsPerAddress(satellites);
    WyomingServiceVerticle voice = new WyomingServiceVerticle(options,
        VoiceBackends.of(stt, new VoiceFakes.InstantTts(), VoiceFakes.instantAgent()));
    vertx.deployVerticle(voice).await();
    WyomingClient client = WyomingClient.create(vertx, new WyomingClientOptions());
    List<WyomingConnection> connections = new ArrayList<>();
    for (int i = 0; i < satellites; i++) {
      connections.add(client.connect("127.0.0.1", voice.actualPort()).await());
    }
    // A first round, not timed, so the measured one runs compiled code as a hub that has been up a while does.
    round(vertx, connections, stt, seconds, "warm-up");
    round(vertx, connections, stt, seconds, "measured");
    vertx.close().await();
  }

  private static void round(Vertx vertx, List<WyomingConnection> connections, VoiceFakes.CountingStt stt,
      int seconds, String name) throws InterruptedException {
    int satellites = connections.size();
    Buffer audio = VoiceFakes.noise(seconds * 1000, 42);
    int chunks = audio.length() / CHUNK;
    stt.lengths.clear();
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    CountDownLatch done = new CountDownLatch(satellites);
    long started = System.nanoTime();
    for (int i = 0; i < satellites; i++) {
      WyomingConnection connection = connections.get(i);
      Map<String, Long> pending = new ConcurrentHashMap<>();
      connection.handler(event -> {
        if (event.type().equals("pong")) {
          Long sent = pending.remove(event.data().getString("text"));
          if (sent != null) {
            latencies.add(System.nanoTime() - sent);
          }
        } else if (event.type().equals("transcript")) {
          done.countDown();
        }
      });
      // Stagger the satellites across one chunk period, as real ones are.
      long offset = CHUNK_MS * i / satellites + 1;
      vertx.setTimer(offset, t -> stream(vertx, connection, audio, chunks, pending));
    }
    boolean finished = done.await(seconds + 60L, TimeUnit.SECONDS);
    double wallSeconds = (System.nanoTime() - started) / 1e9;
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    long expected = (long) chunks * CHUNK;
    long complete = stt.lengths.stream().filter(length -> length == expected).count();
    System.out.printf("%s round: satellites=%d audio=%ds chunks/satellite=%d all-transcribed=%s wall=%.1fs%n", name,
        satellites, seconds, chunks, finished, wallSeconds);
    System.out.printf("chunk latency (ping after chunk -> pong) n=%d p50=%.2f ms p99=%.2f ms p99.9=%.2f ms"
        + " max=%.2f ms%n", sorted.length, VoiceFakes.percentile(sorted, 50) / 1e6, VoiceFakes.percentile(sorted, 99) / 1e6,
        VoiceFakes.percentile(sorted, 99.9) / 1e6, sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    System.out.printf("utterances with every byte: %d of %d (expected %d bytes each; lengths seen: %s)%n", complete,
        satellites, expected, Arrays.toString(stt.lengths.stream().distinct().limit(5).toArray()));
  }

  private static void stream(Vertx vertx, WyomingConnection connection, Buffer audio, int chunks,
      Map<String, Long> pending) {
    connection.write(new RunPipeline(PipelineStage.ASR, PipelineStage.HANDLE, false));
    int[] next = {0};
    Promise<Void> finished = Promise.promise();
    vertx.setPeriodic(CHUNK_MS, id -> {
      int index = next[0]++;
      if (index >= chunks) {
        vertx.cancelTimer(id);
        connection.write(new Audio.AudioStop(null));
        finished.complete();
        return;
      }
      connection.write(new Audio.AudioChunk(16000, 2, 1, index * CHUNK_MS,
          audio.getBuffer(index * CHUNK, (index + 1) * CHUNK)));
      String key = Integer.toString(index);
      pending.put(key, System.nanoTime());
      connection.write(new Control.Ping(key));
    });
  }
}
