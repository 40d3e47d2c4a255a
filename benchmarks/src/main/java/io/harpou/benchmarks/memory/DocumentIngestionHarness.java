package io.harpou.benchmarks.memory;

import io.harpou.bridge.vertx.db.Database;
import io.harpou.bridge.vertx.memory.MemoryOptions;
import io.harpou.bridge.vertx.memory.MemoryService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Ingestion throughput of the document library: a folder of generated PDFs (10 pages of about 250 words each) and
 * Markdown files (about 600 words, one page each) is indexed from scratch (extract, chunk, embed with
 * all-MiniLM-L6-v2, store), once with vectors in process and once in a local Chroma, and pages per second reported,
 * with the CPU time this JVM spent (Chroma's own process not included).
 *
 * <p>Run from the repository root: {@code java -cp benchmarks/target/benchmarks.jar
 * io.harpou.benchmarks.memory.DocumentIngestionHarness [pdfs] [markdownFiles]}.
 */
public final class DocumentIngestionHarness {

  private static final String[] WORDS = ("the boiler pressure valve filter pump heating water radiator thermostat "
      + "schedule manual warranty service engineer reset button display error code light blinks clean monthly check "
      + "season winter summer programme temperature degrees minutes hours open close turn left right front back "
      + "panel cover screw safety instructions children appliance power supply cable socket").split(" ");

  private DocumentIngestionHarness() {
  }

  public static void main(String[] args) throws Exception {
    int pdfs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int markdown = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    Path folder = Files.createTempDirectory("ingest-docs");
    int pages = generate(folder, pdfs, markdown);
    Vertx vertx = Vertx.vertx();
    try {
      // Load the model before timing, as a running hub has.
      MemoryService warm = MemoryService.open(vertx, Database.open(vertx, Files.createTempFile("warm", ".db"))
          .await(), new MemoryOptions()).await();
      warm.recall(io.harpou.bridge.api.memory.MemoryQuery.of("warm up", 1)).await();
      for (String backend : new String[] {"embedded", "chroma"}) {
        ChromaProcess chroma = backend.equals("chroma") ? ChromaProcess.start() : null;
        MemoryOptions options = new MemoryOptions().setDocsDir(folder.toString());
        if (chroma != null) {
          options.setChromaUrl(chroma.url());
        }
        Database db = Database.open(vertx, Files.createTempFile("ingest", ".db")).await();
        MemoryService store = MemoryService.open(vertx, db, options).await();
        long cpu = cpuNanos();
        long start = System.nanoTime();
        JsonObject counts = store.documents().sync().await();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpuNanos() - cpu) / 1e9;
        System.out.printf("%-8s ingested %d files, %d pages, %d chunks in %.1f s: %.1f pages/s, %.1f chunks/s; "
                + "this JVM used %.1f CPU-s (%.1f pages per CPU-s)%n",
            backend, counts.getInteger("indexed"), counts.getInteger("pages"), counts.getInteger("chunks"), seconds,
            counts.getInteger("pages") / seconds, counts.getInteger("chunks") / seconds, cpuSeconds,
            counts.getInteger("pages") / cpuSeconds);
        long again = System.nanoTime();
        store.documents().sync().await();
        System.out.printf("%-8s rescan of %d unchanged files: %.0f ms%n", backend, pdfs + markdown,
            (System.nanoTime() - again) / 1e6);
        store.close().await();
        db.close().await();
        if (chroma != null) {
          chroma.close();
        }
      }
      System.out.printf("(%d pages generated)%n", pages);
    } finally {
      vertx.close().await();
    }
  }

  /** CPU time of this process: on a shared machine, work per CPU-second varies less than work per second. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static String paragraph(Random random, int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      text.append(WORDS[random.nextInt(WORDS.length)]).append(i % 12 == 11 ? ". " : " ");
    }
    return text.toString();
  }

  private static int generate(Path folder, int pdfs, int markdown) throws Exception {
    Random random = new Random(7);
    PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    for (int f = 0; f < pdfs; f++) {
      try (PDDocument document = new PDDocument()) {
        for (int p = 0; p < 10; p++) {
          PDPage page = new PDPage();
          document.addPage(page);
          try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.beginText();
            content.setFont(font, 10);
            content.newLineAtOffset(40, 740);
            for (int line = 0; line < 25; line++) {
              content.showText(paragraph(random, 10));
              content.newLineAtOffset(0, -14);
            }
            content.endText();
          }
        }
        document.save(folder.resolve("manual-" + f + ".pdf").toFile());
      }
    }
    for (int f = 0; f < markdown; f++) {
      Files.writeString(folder.resolve("note-" + f + ".md"), "# Note " + f + "\n\n" + paragraph(random, 300)
          + "\n\n## Details\n\n" + paragraph(random, 300));
    }
    return pdfs * 10 + markdown;
  }
}
