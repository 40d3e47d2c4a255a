package io.harpou.tools.media;

import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolProvider;
import io.harpou.tools.media.impl.AudioInfoTool;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The {@code media} provider: tools over audio files in the hub's data directory ({@code audio_info}). */
public class MediaToolProvider implements ToolProvider {

  /** Creates the provider; {@link java.util.ServiceLoader} uses this constructor. */
  public MediaToolProvider() {
  }

  @Override
  public String id() {
    return "media";
  }

  @Override
  public List<Tool> tools(JsonObject config) {
    return List.of(new AudioInfoTool());
  }
}
