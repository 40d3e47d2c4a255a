package io.harpou.tools.media;

import io.harpou.bridge.api.tool.ForwardingToolContext;
import io.harpou.bridge.api.tool.ToolContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tool context over a built one that also records the progress a tool reports, as a background task would. */
final class RecordingContext extends ForwardingToolContext {

  final List<String> progress = new CopyOnWriteArrayList<>();

  RecordingContext(ToolContext delegate) {
    super(delegate);
  }

  @Override
  public void progress(double fraction, String message) {
    progress.add(String.format("%.2f %s", fraction, message));
  }
}
