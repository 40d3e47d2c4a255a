package io.harpou.testkit.comfyui.impl;

import io.vertx.core.buffer.Buffer;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real PNG pictures, different for every prompt and seed, so a test can tell one generated image from another. */
final class Pictures {

  private Pictures() {
  }

  static Buffer paint(int width, int height, String prompt, long seed) {
    int hash = (prompt + "#" + seed).hashCode();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(hash & 0xffffff), width, height, new Color((hash >>> 8) ^ 0x5a5a5a)));
    g.fillRect(0, 0, width, height);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Buffer.buffer(png.toByteArray());
  }
}
