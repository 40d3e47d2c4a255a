package io.harpou.bridge.vertx.speech.impl;

import io.harpou.bridge.api.BridgeException;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs a program without a shell, feeding its input and capping its output and its time; blocking. */
final class ProcessRunner {

  private static final int MAX_ERROR_BYTES = 4096;

  private final Vertx vertx;

  ProcessRunner(Vertx vertx) {
    this.vertx = vertx;
  }

  /** What a finished run produced. */
  record Result(int exitCode, byte[] stdout, String stderr) {
  }

  /**
   * Runs {@code command} with {@code stdin} as its input.
   *
   * @throws BridgeException when the program cannot start, outlives the timeout or writes more than the cap
   */
  Result run(List<String> command, byte[] stdin, long timeoutMillis, int maxOutputBytes) {
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new BridgeException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    }
    AtomicBoolean timedOut = new AtomicBoolean();
    // Killing the process closes its pipes, which unblocks the reads below.
    long timer = vertx.setTimer(timeoutMillis, id -> {
      timedOut.set(true);
      process.destroyForcibly();
    });
    try {
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin);
      } catch (IOException e) {
        // The program may exit before reading its input; its exit code tells what happened.
      }
      byte[] out = read(process.getInputStream(), maxOutputBytes);
      if (out == null) {
        process.destroyForcibly();
        throw new BridgeException(command.get(0) + " wrote more than " + maxOutputBytes + " bytes");
      }
      byte[] err = read(process.getErrorStream(), MAX_ERROR_BYTES);
      if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS) || timedOut.get()) {
        process.destroyForcibly();
        throw new BridgeException(command.get(0) + " did not finish within " + timeoutMillis + " ms");
      }
      String error = err == null ? "(long error output)" : new String(err, StandardCharsets.UTF_8).strip();
      return new Result(process.exitValue(), out, error);
    } catch (IOException e) {
      process.destroyForcibly();
      if (timedOut.get()) {
        throw new BridgeException(command.get(0) + " did not finish within " + timeoutMillis + " ms");
      }
      throw new BridgeException("reading the output of " + command.get(0) + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new BridgeException(command.get(0) + " was interrupted", e);
    } finally {
      vertx.cancelTimer(timer);
    }
  }

  /** Reads a stream to its end, or returns null once it passes {@code max} bytes. */
  private static byte[] read(InputStream stream, int max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[16384];
    int n;
    while ((n = stream.read(chunk)) >= 0) {
      if (out.size() + n > max) {
        return null;
      }
      out.write(chunk, 0, n);
    }
    return out.toByteArray();
  }
}
