package io.harpou.bridge.vertx.mqtt.impl;

/** Text as Home Assistant keeps it in a state. */
final class Text {

  private Text() {
  }

  /** {@code text} cut to Home Assistant's 255 characters (whole code points), with an ellipsis when cut. */
  static String cap(String text) {
    if (text.codePointCount(0, text.length()) <= Entities.MAX_TEXT) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, Entities.MAX_TEXT - 1)) + "…";
  }
}
