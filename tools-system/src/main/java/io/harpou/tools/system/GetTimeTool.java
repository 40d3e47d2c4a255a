package io.harpou.tools.system;

import io.harpou.bridge.api.tool.Risk;
import io.harpou.bridge.api.tool.Tool;
import io.harpou.bridge.api.tool.ToolCall;
import io.harpou.bridge.api.tool.ToolContext;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.bridge.api.tool.ToolSpec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Tells the current date and time, in the hub's time zone or a named one. */
final class GetTimeTool implements Tool {

  private static final ToolSpec SPEC = new ToolSpec("get_time",
      "Returns the current date and time. Use it for questions about the time, the date or the day of the week.",
      new JsonObject().put("type", "object").put("properties", new JsonObject()
          .put("timezone", new JsonObject().put("type", "string")
              .put("description", "IANA time zone such as Europe/Paris; the home's zone when omitted"))),
      Risk.READ, false);

  private final Clock clock;

  GetTimeTool(Clock clock) {
    this.clock = clock;
  }

  @Override
  public ToolSpec spec() {
    return SPEC;
  }

  @Override
  public Future<ToolResult> call(ToolCall call, ToolContext context) {
    String zoneName = call.arguments().getString("timezone");
    ZoneId zone;
    try {
      zone = zoneName == null || zoneName.isBlank() ? clock.getZone() : ZoneId.of(zoneName);
    } catch (DateTimeException e) {
      return Tool.done(ToolResult.error("Unknown time zone '" + zoneName + "'. Use an IANA name like Europe/Paris."));
    }
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
    Locale locale = Locale.forLanguageTag(context.language());
    return Tool.done(ToolResult.ok(new JsonObject()
        .put("iso", now.toOffsetDateTime().toString())
        .put("spoken", now.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
            .withLocale(locale)))
        .put("timezone", zone.getId())));
  }
}
