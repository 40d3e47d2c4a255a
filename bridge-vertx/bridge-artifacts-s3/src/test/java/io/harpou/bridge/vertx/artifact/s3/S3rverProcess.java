package io.harpou.bridge.vertx.artifact.s3;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * s3rver, the npm S3 server pinned in {@code src/test/js}, on a free loopback port with one bucket; and the AWS SDK
 * for JavaScript as an independent peer reading and writing the same bucket. Stopped by the process it started.
 */
final class S3rverProcess implements AutoCloseable {

  static final Path JS = Path.of("src/test/js").toAbsolutePath();
  static final String BUCKET = "harpou";

  private final Process process;
  private final int port;

  private S3rverProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static S3rverProcess start(Path directory) throws IOException {
    if (!Files.isDirectory(JS.resolve("node_modules/s3rver"))) {
      throw new IllegalStateException("s3rver is not installed for the tests: run "
          + "`npm ci --prefix bridge-vertx/bridge-artifacts-s3/src/test/js` from the repository root");
    }
    Process process = new ProcessBuilder("node", "s3rver.mjs", directory.toString(), BUCKET).directory(JS.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null) {
      process.destroy();
      throw new IllegalStateException("s3rver exited before it listened");
    }
    return new S3rverProcess(process, new JsonObject(line).getInteger("port"));
  }

  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** The {@code artifacts.s3} section pointing at this server. */
  JsonObject section() {
    return new JsonObject().put("endpoint", endpoint()).put("bucket", BUCKET).put("access_key", "S3RVER")
        .put("secret_key", "S3RVER");
  }

  /** Runs the AWS JavaScript client ({@code s3-peer.mjs}) and returns the JSON it prints. */
  JsonObject peer(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", "s3-peer.mjs", args[0], endpoint(), BUCKET));
    command.addAll(List.of(args).subList(1, args.length));
    Process peer = new ProcessBuilder(command).directory(JS.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(peer.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!peer.waitFor(60, TimeUnit.SECONDS) || peer.exitValue() != 0) {
      throw new IllegalStateException("the AWS JavaScript client failed: " + output);
    }
    String[] lines = output.split("\n");
    return new JsonObject(lines[lines.length - 1]);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
