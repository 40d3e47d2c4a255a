package io.harpou.tools.home;

import io.vertx.core.json.JsonObject;

/** Configuration of the home tools and the local intent matcher: what is exposed, and where extra sentences live. */
public class HomeToolsOptions {

  private ExposureOptions exposure = new ExposureOptions();
  private String intentsDir;
  private boolean localIntents = true;

  /** Options with the defaults: default exposure, bundled sentences only, the local matcher on. */
  public HomeToolsOptions() {
  }

  /** A copy of {@code other}: changing one leaves the other as it was. */
  public HomeToolsOptions(HomeToolsOptions other) {
    this(other.toJson());
  }

  /**
   * Options from the provider's configuration section: {@code exposure} (see {@link ExposureOptions}),
   * {@code intents_dir} (a directory of extra sentence files), {@code local_intents} (false to turn the matcher off).
   */
  public HomeToolsOptions(JsonObject json) {
    this();
    if (json != null) {
      exposure = new ExposureOptions(json.getJsonObject("exposure", new JsonObject()));
      intentsDir = json.getString("intents_dir");
      localIntents = json.getBoolean("local_intents", true);
    }
  }

  /** What is exposed. */
  public ExposureOptions getExposure() {
    return exposure;
  }

  /** Sets what is exposed. */
  public HomeToolsOptions setExposure(ExposureOptions exposure) {
    this.exposure = exposure == null ? new ExposureOptions() : exposure;
    return this;
  }

  /** The directory of the household's extra sentence files, or null. */
  public String getIntentsDir() {
    return intentsDir;
  }

  /** Sets the directory of the household's extra sentence files. */
  public HomeToolsOptions setIntentsDir(String intentsDir) {
    this.intentsDir = intentsDir;
    return this;
  }

  /** True when the local intent matcher is offered as an interpreter. */
  public boolean isLocalIntents() {
    return localIntents;
  }

  /** Turns the local intent matcher on or off. */
  public HomeToolsOptions setLocalIntents(boolean localIntents) {
    this.localIntents = localIntents;
    return this;
  }

  /** The JSON form. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("exposure", exposure.toJson()).put("local_intents", localIntents);
    if (intentsDir != null) {
      json.put("intents_dir", intentsDir);
    }
    return json;
  }
}
