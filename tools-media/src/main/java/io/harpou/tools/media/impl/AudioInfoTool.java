package io.harpou.tools.media.impl;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.OutsideRootException;
import io.harpou.bridge.api.RootedPaths;
import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.harpou.bridge.api.voice.SpeechAudio;
import io.harpou.bridge.api.voice.Pcm;
import io.harpou.bridge.api.voice.Wav;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.NoSuchFileException;

/** {@code audio_info}: the format, duration and loudness of a WAV file under the data directory. */
public final class AudioInfoTool implements Tool {

  /** Files larger than this are not read: 64 MiB, about 35 minutes of 16 kHz speech. */
  static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  private static final ToolSpec SPEC = new ToolSpec("audio_info",
      "Describe a WAV audio file stored in the assistant's data folder: sample rate, sample size, channels, "
          + "duration in seconds and loudness. Use it when asked about a recording or a sound file.",
      new JsonObject().put("type", "object")
          .put("properties", new JsonObject().put("path", new JsonObject().put("type", "string")
              .put("description", "the file's path relative to the data folder, for example recordings/door.wav")))
          .put("required", new JsonArray().add("path")),
      Risk.READ, false);

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    Object raw = call.arguments().getValue("path");
    if (!(raw instanceof String relative) || relative.isBlank()) {
      return Future.failedFuture(new ToolArgumentsException("audio_info needs a 'path' string"));
    }
    // The real path, links followed: a link in the data folder must not lend this tool the rest of the disk.
    return RootedPaths.resolve(context.vertx(), context.dataDir(), relative).compose(file -> {
      String name = file.toString();
      return context.vertx().fileSystem().props(name).compose(props -> {
        if (!props.isRegularFile()) {
          return Future.succeededFuture(ToolResult.error("not a file: " + relative));
        }
        if (props.size() > MAX_FILE_BYTES) {
          return Future.succeededFuture(ToolResult.error("the file is larger than the " + MAX_FILE_BYTES
              + " bytes this tool reads"));
        }
        return context.vertx().fileSystem().readFile(name).map(bytes -> describe(relative, bytes));
      });
    }).recover(e -> Future.succeededFuture(ToolResult.error(problem(e, relative))));
  }

  private static String problem(Throwable e, String relative) {
    if (e instanceof OutsideRootException) {
      return "the path must name a file inside the data folder: " + relative;
    }
    if (e instanceof NoSuchFileException) {
      return "no such file in the data folder: " + relative;
    }
    return "cannot read " + relative + ": " + e.getMessage();
  }

  private static ToolResult describe(String relative, Buffer bytes) {
    SpeechAudio audio;
    try {
      audio = Wav.read(bytes);
    } catch (BridgeException e) {
      return ToolResult.error(relative + " is not a readable WAV file: " + e.getMessage());
    }
    JsonObject info = new JsonObject().put("path", relative).put("sample_rate", audio.format().rate())
        .put("bits", audio.format().width() * 8).put("channels", audio.format().channels())
        .put("duration_seconds", Math.round(audio.durationMillis() / 10.0) / 100.0);
    if (audio.format().width() == 2) {
      double dbfs = Pcm.dbfs(Pcm.downmix(audio.pcm(), audio.format().channels()));
      info.put("silent", Double.isInfinite(dbfs));
      if (!Double.isInfinite(dbfs)) {
        info.put("level_dbfs", Math.round(dbfs * 10) / 10.0);
      }
    }
    return ToolResult.ok(info);
  }
}
