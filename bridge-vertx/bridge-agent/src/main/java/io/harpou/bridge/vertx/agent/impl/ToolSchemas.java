package io.harpou.bridge.vertx.agent.impl;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.harpou.bridge.api.Json;
import io.harpou.bridge.api.tool.ToolSpec;
import io.vertx.core.json.JsonObject;

/** Turns our tools' JSON Schemas into LangChain4j's schema objects, so the model sees each tool as declared. */
public final class ToolSchemas {

  private ToolSchemas() {
  }

  /** The LangChain4j form of a tool spec. */
  public static ToolSpecification toSpecification(ToolSpec spec) {
    return ToolSpecification.builder().name(spec.name()).description(spec.description())
        .parameters(object(spec.parameters())).build();
  }

  /** The LangChain4j form of an {@code object} schema. */
  static JsonObjectSchema object(JsonObject schema) {
    JsonObjectSchema.Builder builder = JsonObjectSchema.builder();
    String description = schema.getString("description");
    if (description != null) {
      builder.description(description);
    }
    JsonObject properties = schema.getJsonObject("properties", new JsonObject());
    for (String name : properties.fieldNames()) {
      if (properties.getValue(name) instanceof JsonObject property) {
        builder.addProperty(name, element(property));
      }
    }
    if (schema.getJsonArray("required") != null) {
      builder.required(Json.strings(schema, "required"));
    }
    return builder.build();
  }

  static JsonSchemaElement element(JsonObject schema) {
    String description = schema.getString("description");
    if (schema.getJsonArray("enum") != null) {
      return JsonEnumSchema.builder().enumValues(Json.strings(schema, "enum")).description(description).build();
    }
    String type = schema.getValue("type") instanceof String s ? s : "string";
    return switch (type) {
      case "integer" -> JsonIntegerSchema.builder().description(description).build();
      case "number" -> JsonNumberSchema.builder().description(description).build();
      case "boolean" -> JsonBooleanSchema.builder().description(description).build();
      case "object" -> object(schema);
      case "array" -> JsonArraySchema.builder().description(description)
          .items(schema.getValue("items") instanceof JsonObject items ? element(items)
              : JsonStringSchema.builder().build()).build();
      default -> JsonStringSchema.builder().description(description).build();
    };
  }
}
