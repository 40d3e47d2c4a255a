package io.harpou.tools.home.impl;

import io.harpou.bridge.api.tool.Tool;
import java.util.ArrayList;
import java.util.List;

/** Every home tool, built over one shared access. */
public final class HomeToolSet {

  private HomeToolSet() {
  }

  /** The tools, in the order they are listed to the model. */
  public static List<Tool> create(HomeAccess access) {
    List<Tool> tools = new ArrayList<>(List.of(
        new LiveContextTool(access),
        new ReadTools(access, true),
        new ReadTools(access, false),
        new SwitchTool(access, "turn_on"),
        new SwitchTool(access, "turn_off"),
        new SwitchTool(access, "toggle"),
        new SetLightTool(access),
        new SetClimateTool(access),
        new SetFanTool(access),
        new SetCoverTool(access, false),
        new SetCoverTool(access, true),
        new MediaControlTool(access),
        new PlayMediaTool(access),
        new RobotTool(access),
        new LockTool(access, true),
        new LockTool(access, false),
        new AlarmTool(access),
        new SceneTool(access, false),
        new SceneTool(access, true),
        new PressButtonTool(access),
        new CameraSnapshotTool(access),
        new DescribeCameraTool(access),
        new WeatherTool(access),
        new ListTools(access, true),
        new ListTools(access, false),
        new UpdateListTool(access),
        new CallServiceTool(access, false),
        new CallServiceTool(access, true),
        new AnnounceTool(access),
        new BroadcastTool(access)));
    tools.addAll(TimerTools.all(access));
    return List.copyOf(tools);
  }
}
