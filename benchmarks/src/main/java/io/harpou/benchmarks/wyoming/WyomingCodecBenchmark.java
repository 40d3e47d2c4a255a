package io.harpou.benchmarks.wyoming;

import io.harpou.wyoming.WyomingCodec;
import io.harpou.wyoming.WyomingDecoder;
import io.harpou.wyoming.WyomingLimits;
import io.harpou.wyoming.message.Audio.AudioChunk;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Wyoming codec throughput on microphone audio: {@code audio-chunk} events of 2048-byte payloads (1024 samples of
 * 16 kHz, 16-bit mono, 64 ms each). The {@code bytes} counter is wire bytes per second, header and data included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class WyomingCodecBenchmark {

  /** Frames per decode operation, as if one busy socket's reads were replayed. */
  private static final int FRAMES = 64;

  /** Bytes per TCP read in the split decode: one Ethernet MSS. */
  private static final int READ_SIZE = 1448;

  @Param({"2048"})
  public int payloadBytes;

  private AudioChunk chunk;
  private Buffer stream;
  private List<Buffer> reads;
  private WyomingDecoder decoder;
  private Blackhole sink;

  /** Wire bytes processed, reported by JMH as a rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Bytes {
    /** Wire bytes encoded or decoded. */
    public long bytes;
  }

  @Setup(Level.Trial)
  public void setUp(Blackhole blackhole) {
    byte[] pcm = new byte[payloadBytes];
    new Random(7).nextBytes(pcm);
    chunk = new AudioChunk(16000, 2, 1, 64L, Buffer.buffer(pcm));
    stream = Buffer.buffer();
    for (int i = 0; i < FRAMES; i++) {
      stream.appendBuffer(WyomingCodec.encode(new AudioChunk(16000, 2, 1, i * 64L, Buffer.buffer(pcm))));
    }
    reads = new ArrayList<>();
    for (int i = 0; i < stream.length(); i += READ_SIZE) {
      reads.add(stream.getBuffer(i, Math.min(stream.length(), i + READ_SIZE)));
    }
    sink = blackhole;
    decoder = WyomingDecoder.create(WyomingLimits.DEFAULT, event -> sink.consume(event));
  }

  /** Decodes 64 coalesced frames delivered in one read. */
  @Benchmark
  public void decodeCoalesced(Bytes counter) {
    decoder.feed(stream);
    counter.bytes += stream.length();
  }

  /** Decodes the same 64 frames delivered in 1448-byte reads, so most frames straddle two reads. */
  @Benchmark
  public void decodeSplitReads(Bytes counter) {
    for (Buffer read : reads) {
      decoder.feed(read);
    }
    counter.bytes += stream.length();
  }

  /** Encodes one audio chunk into one wire buffer. */
  @Benchmark
  public Buffer encode(Bytes counter) {
    Buffer frame = WyomingCodec.encode(chunk);
    counter.bytes += frame.length();
    return frame;
  }
}
