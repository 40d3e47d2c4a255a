package io.harpou.tools.media;

import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolProvider;
import io.harpou.tools.media.impl.AudioInfoTool;
import io.harpou.tools.media.impl.GenerateImageTool;
import io.harpou.tools.media.impl.MusicControlTool;
import io.harpou.tools.media.impl.NowPlayingTool;
import io.harpou.tools.media.impl.PlayMusicTool;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code media} provider: {@code audio_info} over audio files in the hub's data directory, and
 * {@code generate_image} when {@code comfyui.url} names a ComfyUI server ({@link ComfyUiOptions}), and
 * {@code play_music}, {@code music_control} and {@code now_playing} when {@code mopidy.url} names a Mopidy server
 * ({@link MopidyOptions}).
 */
public class MediaToolProvider implements ToolProvider {

  private static final String DEFAULT_WORKFLOW = "/io/harpou/tools/media/comfyui/text-to-image.json";

  /** Creates the provider; {@link java.util.ServiceLoader} uses this constructor. */
  public MediaToolProvider() {
  }

  @Override
  public String id() {
    return "media";
  }

  /**
   * The media tools {@code config} enables.
   *
   * @throws IllegalArgumentException when a section is malformed (a workflow without a prompt slot, a bad URL)
   */
  @Override
  public List<Tool> tools(JsonObject config) {
    JsonObject json = config == null ? new JsonObject() : config;
    List<Tool> tools = new ArrayList<>(List.of(new AudioInfoTool()));
    ComfyUiOptions comfy = new ComfyUiOptions(json.getJsonObject("comfyui"), builtInWorkflow());
    if (comfy.url() != null) {
      tools.add(new GenerateImageTool(comfy));
    }
    MopidyOptions mopidy = new MopidyOptions(json.getJsonObject("mopidy"));
    if (mopidy.url() != null) {
      tools.addAll(List.of(new PlayMusicTool(mopidy), new MusicControlTool(mopidy), new NowPlayingTool(mopidy)));
    }
    return tools;
  }

  private static JsonObject builtInWorkflow() {
    try (InputStream in = MediaToolProvider.class.getResourceAsStream(DEFAULT_WORKFLOW)) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
