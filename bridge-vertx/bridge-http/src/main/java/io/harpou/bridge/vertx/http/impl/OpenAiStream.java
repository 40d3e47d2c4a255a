package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.event.ReplySent;
import io.harpou.bridge.api.event.Thinking;
import io.harpou.bridge.api.event.ToolStarted;
import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.agent.Agent;
import io.harpou.bridge.api.agent.ChatHistory;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.api.agent.Utterance;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * One streamed completion as server-sent events: the turn's text as the model writes it, each model step after a tool
 * call set apart by a blank line, then whatever of the final answer the stream has not carried yet (a confirmation
 * question, a refusal, the answer of a step that wrote text before calling a tool), then {@code [DONE]}. The client
 * ends up with the same answer as a plain completion, after any text the model wrote on the way. The turn's text
 * arrives as events, which may trail the agent's answer: the stream ends once the turn's reply event, published after
 * all the others, has arrived too.
 */
final class OpenAiStream {

  private static final String STEP_BREAK = "\n\n";
  /** How long to wait for the turn's reply event after its answer, for an agent that publishes none. */
  private static final long REPLY_EVENT_WAIT_MS = 2_000;

  private final RoutingContext ctx;
  private final JsonObject envelope;
  private final Utterance utterance;
  private final StringBuilder sent = new StringBuilder();
  private final StringBuilder step = new StringBuilder();
  private final Promise<String> done = Promise.promise();
  private MessageConsumer<JsonObject> events;
  private AsyncResult<Reply> answer;
  private boolean replyEventSeen;
  private long replyEventTimer = -1;
  private boolean stepEnded;

  /** A stream answering {@code utterance}; {@code envelope} holds the id, created time, model and object fields. */
  OpenAiStream(RoutingContext ctx, JsonObject envelope, Utterance utterance) {
    this.ctx = ctx;
    this.envelope = envelope;
    this.utterance = utterance;
  }

  /** Asks the agent and streams its turn; the Future succeeds with the whole content sent, as the client holds it. */
  Future<String> start(Agent agent, ChatHistory history) {
    ctx.response().setChunked(true).putHeader("content-type", "text/event-stream")
        .putHeader("cache-control", "no-cache");
    chunk(new JsonObject().put("role", "assistant").put("content", ""), null);
    // Known to the whole cluster, since on an API node the turn runs and tells its steps on an agent node; asked once
    // the registration is in place, so no step is missed.
    events = ctx.vertx().eventBus().consumer(BridgeAddresses.EVENTS, message -> onEvent(message.body()));
    ctx.response().closeHandler(v -> events.unregister());
    events.completion().transform(registered -> agent.ask(utterance, history)).onComplete(result -> {
      answer = result;
      if (result.failed() || replyEventSeen) {
        finish();
      } else {
        replyEventTimer = ctx.vertx().setTimer(REPLY_EVENT_WAIT_MS, t -> finish());
      }
    });
    return done.future();
  }

  private void onEvent(JsonObject event) {
    if (!utterance.conversationId().equals(event.getString("conversation_id"))) {
      return;
    }
    switch (event.getString("kind", "")) {
      case Thinking.KIND -> {
        String text = event.getString("text", "");
        if (event.getBoolean("reasoning", false)) {
          chunk(new JsonObject().put("reasoning_content", text), null);
        } else {
          content(text);
        }
      }
      case ToolStarted.KIND -> stepEnded = true;
      case ReplySent.KIND -> {
        // Published after every event of the turn: once it is here, the turn's text is too.
        replyEventSeen = true;
        if (answer != null) {
          finish();
        }
      }
      default -> {
      }
    }
  }

  private void finish() {
    if (done.future().isComplete()) {
      return;
    }
    events.unregister();
    ctx.vertx().cancelTimer(replyEventTimer);
    if (ctx.response().closed()) {
      done.fail("the client closed the stream");
      return;
    }
    sendRest(answer.succeeded() ? answer.result().speech() : "Sorry, something went wrong.");
    Reply.Cached cached = answer.succeeded() ? answer.result().cached() : null;
    chunk(new JsonObject(), "stop", cached == null ? null : cached.toJson());
    ctx.response().end("data: [DONE]\n\n");
    done.complete(sent.toString());
  }

  /**
   * Sends what the stream has not carried of the answer: nothing when the last step wrote it, the rest when that step
   * wrote its beginning, else the whole answer as a step of its own.
   */
  private void sendRest(String speech) {
    String whole = speech.strip();
    String written = step.toString().strip();
    if (!stepEnded && !written.isEmpty() && whole.startsWith(written)) {
      content(whole.substring(written.length()));
    } else if (!whole.isEmpty()) {
      stepEnded = true;
      content(whole);
    }
  }

  /** Sends answer text, after a blank line when it opens a new step of a turn that has already said something. */
  private void content(String text) {
    if (text.isEmpty()) {
      return;
    }
    String part = text;
    if (stepEnded) {
      step.setLength(0);
      part = sent.length() > 0 ? STEP_BREAK + text : text;
      stepEnded = false;
    }
    step.append(text);
    sent.append(part);
    chunk(new JsonObject().put("content", part), null);
  }

  private void chunk(JsonObject delta, String finishReason) {
    chunk(delta, finishReason, null);
  }

  /** Sends one chunk; {@code cached} marks the last chunk of an answer served from the response cache. */
  private void chunk(JsonObject delta, String finishReason, JsonObject cached) {
    HttpServerResponse response = ctx.response();
    if (response.closed() || response.ended()) {
      return;
    }
    JsonObject choice = new JsonObject().put("index", 0).put("delta", delta).put("finish_reason", finishReason);
    JsonObject chunk = envelope.copy().put("choices", new JsonArray().add(choice));
    if (cached != null) {
      chunk.put(OpenAiHandler.CACHED_FIELD, cached);
    }
    response.write("data: " + chunk.encode() + "\n\n");
  }
}
