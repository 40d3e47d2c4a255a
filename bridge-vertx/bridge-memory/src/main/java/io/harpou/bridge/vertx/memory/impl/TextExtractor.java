package io.harpou.bridge.vertx.memory.impl;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Reads the text of Markdown, plain text, HTML (jsoup) and PDF (PDFBox, page by page). Blocking: call on a worker. */
final class TextExtractor {

  /** A page of text; page 0 stands for a format without pages. */
  record Page(int number, String text) {
  }

  static final Set<String> EXTENSIONS = Set.of("md", "markdown", "txt", "text", "html", "htm", "pdf");

  private TextExtractor() {
  }

  static boolean supports(Path file) {
    return EXTENSIONS.contains(extension(file));
  }

  static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  static List<Page> pages(Path file) throws IOException {
    return switch (extension(file)) {
      case "pdf" -> pdf(file);
      case "html", "htm" -> List.of(new Page(0, html(file)));
      case "md", "markdown" -> List.of(new Page(0, markdown(readText(file))));
      default -> List.of(new Page(0, readText(file)));
    };
  }

  private static List<Page> pdf(Path file) throws IOException {
    List<Page> pages = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(file.toFile())) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        pages.add(new Page(page, stripper.getText(document)));
      }
    }
    return pages;
  }

  private static String html(Path file) throws IOException {
    Document document = Jsoup.parse(file.toFile(), null);
    document.select("script, style, noscript, nav").remove();
    String title = document.title();
    String body = document.body() == null ? "" : document.body().text();
    return title.isBlank() || body.startsWith(title) ? body : title + ". " + body;
  }

  private static String markdown(String text) {
    return text.replaceAll("(?m)^\\s{0,3}#{1,6}\\s*", "")
        .replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1")
        .replaceAll("(?m)^\\s*([-*+]|\\d+\\.)\\s+", "")
        .replaceAll("[*_`]{1,3}", "")
        .replaceAll("(?m)^\\s*>\\s?", "");
  }

  private static String readText(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
  }
}
