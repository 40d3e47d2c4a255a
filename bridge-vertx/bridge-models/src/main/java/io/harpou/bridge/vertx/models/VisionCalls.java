package io.harpou.bridge.vertx.models;

import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.agent.Utterance;
import io.harpou.bridge.api.event.ModelChosen;
import io.harpou.bridge.api.vision.VisionModel;
import io.harpou.bridge.vertx.models.impl.ModelClient;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Questions about images, through the pool like the turns' calls: the vision models are tried in order, passing over
 * those whose monthly budget is spent and, while another can answer, those resting after a failure; a model that
 * fails is rested and the question asked once more of the next. Each call is a {@link ModelChosen} event, a ledger row
 * and a cost against its model's budget. When every vision model has spent its budget the question is refused, saying
 * so, and no model is called.
 */
final class VisionCalls implements VisionModel {

  private static final String INSTRUCTIONS = "You describe what images show, truthfully and briefly, in the"
      + " language whose tag is %s. Say when you cannot tell.";

  private final ModelPool pool;
  private final List<String> chain;

  VisionCalls(ModelPool pool, List<String> chain) {
    this.pool = pool;
    this.chain = List.copyOf(chain);
  }

  @Override
  public Future<String> ask(String question, List<Image> images, String language) {
    return ask(question, images, null, language);
  }

  @Override
  public Future<String> ask(String question, List<Image> images, Utterance asker) {
    return ask(question, images, asker, asker.language());
  }

  private Future<String> ask(String question, List<Image> images, Utterance asker, String language) {
    Instant now = Instant.now();
    List<String> allowed = chain.stream().filter(name -> !pool.budgets().exhausted(name, now)).toList();
    if (allowed.isEmpty()) {
      String model = chain.get(0);
      return Future.failedFuture(new BridgeException(String.format(Locale.ROOT, "the vision model %s has spent its"
          + " monthly budget (%.2f of %.2f), so no camera image can be looked at until next month", model,
          pool.budgets().spent(model), pool.client(model).spec().monthlyBudget())));
    }
    List<String> order = new ArrayList<>(allowed.stream()
        .filter(name -> pool.states().available(name, now.toEpochMilli())).toList());
    allowed.stream().filter(name -> !order.contains(name)).forEach(order::add);
    String reason = order.get(0).equals(chain.get(0)) ? "an image: " + chain.get(0) + " reads images"
        : "an image: " + chain.get(0) + (allowed.contains(chain.get(0)) ? " is resting after a failure"
            : " has spent its monthly budget");
    ChatRequest request = ChatRequest.builder().messages(SystemMessage.from(String.format(Locale.ROOT, INSTRUCTIONS,
        language)), UserMessage.from(contents(question, images))).build();
    return call(request, asker, order, 0, reason);
  }

  private Future<String> call(ChatRequest request, Utterance asker, List<String> order, int index, String reason) {
    ModelClient client = pool.client(order.get(index));
    String conversation = asker == null ? null : asker.conversationId();
    String profile = asker == null ? null : asker.user();
    pool.events().publish(new ModelChosen(Instant.now(), null, conversation, client.spec().name(), reason,
        order.subList(index, order.size())));
    long start = System.nanoTime();
    return client.chat(pool.vertx(), request, (text, reasoning) -> { }).transform(ar -> {
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (ar.succeeded()) {
        pool.states().succeeded(client.spec().name());
        ChatResponse response = ar.result();
        TokenUsage usage = response.tokenUsage();
        int input = usage != null && usage.inputTokenCount() != null ? usage.inputTokenCount() : 0;
        int output = usage != null && usage.outputTokenCount() != null ? usage.outputTokenCount() : 0;
        pool.recordCall(client.spec(), null, conversation, profile, input, output, client.spec().cost(input, output),
            millis, "ok");
        return Future.succeededFuture(response.aiMessage().text());
      }
      ModelFailure failure = ar.cause() instanceof ModelFailure f ? f : ModelFailure.of(client.description(),
          ar.cause());
      pool.states().failed(client.spec().name(), failure, System.currentTimeMillis());
      pool.recordCall(client.spec(), null, conversation, profile, 0, 0, 0, millis, "failed");
      if (index == 0 && order.size() > 1) {
        return call(request, asker, order, 1, "fallback: " + client.spec().name() + " failed: " + failure.detail());
      }
      return Future.failedFuture(new BridgeException("the vision model (" + client.description() + ") failed: "
          + failure.detail(), failure));
    });
  }

  private static List<Content> contents(String question, List<Image> images) {
    List<Content> contents = new ArrayList<>();
    contents.add(TextContent.from(question));
    for (Image image : images) {
      contents.add(ImageContent.from(Base64.getEncoder().encodeToString(image.bytes().getBytes()),
          image.contentType()));
    }
    return contents;
  }

  @Override
  public String description() {
    return pool.client(chain.get(0)).description() + (chain.size() > 1 ? " (then " + String.join(", ",
        chain.subList(1, chain.size())) + ")" : "");
  }
}
