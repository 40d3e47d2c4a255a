package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Colour conversions for light attributes (rgb, hs, xy), rounded as Home Assistant presents them. */
final class Colors {

  private Colors() {
  }

  static void putColor(JsonObject a, int[] rgb) {
    double[] hs = rgbToHs(rgb);
    double[] xy = rgbToXy(rgb);
    a.put("rgb_color", new JsonArray().add(rgb[0]).add(rgb[1]).add(rgb[2]))
        .put("hs_color", new JsonArray().add(round(hs[0], 3)).add(round(hs[1], 3)))
        .put("xy_color", new JsonArray().add(round(xy[0], 3)).add(round(xy[1], 3)));
  }

  static double[] rgbToHs(int[] rgb) {
    double r = rgb[0] / 255.0;
    double g = rgb[1] / 255.0;
    double b = rgb[2] / 255.0;
    double max = Math.max(r, Math.max(g, b));
    double min = Math.min(r, Math.min(g, b));
    double delta = max - min;
    double h;
    if (delta == 0) {
      h = 0;
    } else if (max == r) {
      h = 60 * (((g - b) / delta) % 6);
    } else if (max == g) {
      h = 60 * ((b - r) / delta + 2);
    } else {
      h = 60 * ((r - g) / delta + 4);
    }
    if (h < 0) {
      h += 360;
    }
    return new double[] {h, max == 0 ? 0 : delta / max * 100};
  }

  static int[] hsToRgb(double h, double s) {
    double c = s / 100.0;
    double x = c * (1 - Math.abs((h / 60.0) % 2 - 1));
    double m = 1 - c;
    double[] p = h < 60 ? new double[] {c, x, 0} : h < 120 ? new double[] {x, c, 0} : h < 180
        ? new double[] {0, c, x} : h < 240 ? new double[] {0, x, c} : h < 300 ? new double[] {x, 0, c}
        : new double[] {c, 0, x};
    return new int[] {(int) Math.round((p[0] + m) * 255), (int) Math.round((p[1] + m) * 255),
        (int) Math.round((p[2] + m) * 255)};
  }

  static double[] rgbToXy(int[] rgb) {
    double r = gamma(rgb[0] / 255.0);
    double g = gamma(rgb[1] / 255.0);
    double b = gamma(rgb[2] / 255.0);
    double x = r * 0.4124 + g * 0.3576 + b * 0.1805;
    double y = r * 0.2126 + g * 0.7152 + b * 0.0722;
    double z = r * 0.0193 + g * 0.1192 + b * 0.9505;
    double sum = x + y + z;
    return sum == 0 ? new double[] {0, 0} : new double[] {x / sum, y / sum};
  }

  private static double gamma(double c) {
    return c > 0.04045 ? Math.pow((c + 0.055) / 1.055, 2.4) : c / 12.92;
  }

  private static double round(double v, int places) {
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }
}
