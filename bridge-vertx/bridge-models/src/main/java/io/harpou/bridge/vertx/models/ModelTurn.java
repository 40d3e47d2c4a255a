package io.harpou.bridge.vertx.models;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.harpou.bridge.vertx.models.impl.ModelClient;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model calls of one turn. Each call is fitted to the current model's window (history trimmed from its oldest
 * end; a prompt that cannot fit moves to a model with a larger window, or fails saying so), sent, recorded in the
 * ledger with its tokens, cost and latency, and counted against the model's budget. When the model fails, it is
 * rested and the call is made once more on the next model of the chain, which then answers the rest of the turn; the
 * tool calls already made are part of the prompt, so nothing is done twice.
 */
public final class ModelTurn {

  private static final Logger LOG = LoggerFactory.getLogger(ModelTurn.class);

  private final ModelPool pool;
  private final TurnRequest request;
  private final Route route;
  private final List<String> order;
  private String spentModel;
  private Boolean thinking;
  private int current;
  private boolean failedOver;

  ModelTurn(ModelPool pool, TurnRequest request, Route route, List<String> order, String spentModel) {
    this.pool = pool;
    this.request = request;
    this.route = route;
    this.order = List.copyOf(order);
    this.spentModel = spentModel;
  }

  /**
   * Turns the models' thinking on or off for this turn's requests, where a model has such a switch; null leaves each
   * model's own default.
   */
  public ModelTurn thinking(Boolean think) {
    this.thinking = think;
    return this;
  }

  /** The route the router gave the turn. */
  public Route route() {
    return route;
  }

  /** The model answering now, empty when none may (every model allowed has spent its budget). */
  public Optional<ModelSpec> model() {
    return current < order.size() ? Optional.of(pool.client(order.get(current)).spec()) : Optional.empty();
  }

  /**
   * What the reply should add, in the asker's language, when a local model answered because the model the turn
   * was meant for has spent its monthly budget.
   */
  public Optional<String> notice(String language) {
    if (spentModel == null || order.isEmpty()) {
      return Optional.empty();
    }
    boolean french = language != null && language.startsWith("fr");
    return Optional.of(french ? "(Le modèle " + spentModel + " a épuisé son budget du mois : un modèle local a"
        + " répondu.)" : "(The " + spentModel + " model has spent its monthly budget, so a local model answered.)");
  }

  /**
   * Sends one request of the turn.
   *
   * @param messages the system message, the history, then from {@code historyEnd} the turn's own messages
   * @param historyEnd the index of the turn's first message
   * @param tools the tools offered, left out for a model that cannot call tools
   * @param stream receives the streamed text
   * @return the answer; fails with {@link ModelFailure} when no model of the chain could give one
   */
  public Future<ChatResponse> chat(List<ChatMessage> messages, int historyEnd, List<ToolSpecification> tools,
                                   ModelStream stream) {
    if (order.isEmpty()) {
      String model = route.model();
      return Future.failedFuture(ModelFailure.budgetSpent(model, pool.budgets().spent(model),
          pool.client(model).spec().monthlyBudget()));
    }
    if (pool.budgets().exhausted(order.get(current), Instant.now()) && !toLocal()) {
      String model = order.get(current);
      return Future.failedFuture(ModelFailure.budgetSpent(model, pool.budgets().spent(model),
          pool.client(model).spec().monthlyBudget()));
    }
    ModelClient client = pool.client(order.get(current));
    List<ToolSpecification> offered = client.spec().tools() ? tools : List.of();
    ContextFit.Result fit = ContextFit.fit(messages, historyEnd, client.toolTokens().of(offered), client.counter(),
        client.spec().promptBudget());
    if (fit instanceof ContextFit.Overflow overflow) {
      return larger(overflow.tokens()) ? chat(messages, historyEnd, tools, stream)
          : Future.failedFuture(ModelFailure.overflow(client.description(), overflow.tokens(), overflow.budget()));
    }
    ContextFit.Fitted fitted = (ContextFit.Fitted) fit;
    if (fitted.droppedHistory() > 0) {
      LOG.debug("Turn {}: {} left out {} history messages to fit its window", request.turnId(),
          client.spec().name(), fitted.droppedHistory());
    }
    ChatRequest.Builder built = ChatRequest.builder().messages(fitted.messages());
    ChatRequestParameters switched = thinking == null ? null : client.thinking().apply(thinking);
    if (switched != null) {
      // A request carries either parameters or tool specifications; the tools then travel in the parameters.
      built.parameters(offered.isEmpty() ? switched
          : switched.overrideWith(ChatRequestParameters.builder().toolSpecifications(offered).build()));
    } else if (!offered.isEmpty()) {
      built.toolSpecifications(offered);
    }
    long start = System.nanoTime();
    return client.chat(pool.vertx(), built.build(), stream).transform(ar -> {
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (ar.succeeded()) {
        pool.states().succeeded(client.spec().name());
        record(client, ar.result(), fitted.tokens(), millis);
        pool.answered(request.conversationId(), client.spec().name());
        return Future.succeededFuture(ar.result());
      }
      ModelFailure failure = ar.cause() instanceof ModelFailure f ? f : ModelFailure.of(client.description(),
          ar.cause());
      pool.states().failed(client.spec().name(), failure, System.currentTimeMillis());
      ledger(client, 0, 0, 0, millis, "failed");
      if (failure.kind() == ModelFailure.Kind.OVERFLOW && larger(fitted.tokens())) {
        return chat(messages, historyEnd, tools, stream);
      }
      if (!failedOver && current + 1 < order.size()) {
        failedOver = true;
        current++;
        pool.chosen(request, order.get(current), "fallback: " + client.spec().name() + " failed: "
            + failure.detail(), order.subList(current, order.size()));
        return chat(messages, historyEnd, tools, stream);
      }
      return Future.failedFuture(failure);
    });
  }

  /**
   * Moves to the next model of the chain whose window is larger than the current one's and takes {@code tokens};
   * false when there is none.
   */
  private boolean larger(int tokens) {
    int window = pool.client(order.get(current)).spec().contextWindow();
    for (int i = current + 1; i < order.size(); i++) {
      ModelSpec next = pool.client(order.get(i)).spec();
      if (next.contextWindow() > window && next.promptBudget() >= tokens) {
        String from = order.get(current);
        current = i;
        pool.chosen(request, next.name(), "the prompt needs " + tokens + " tokens, more than " + from
            + "'s window leaves", order.subList(current, order.size()));
        return true;
      }
    }
    return false;
  }

  /** Moves to the next local model of the chain once the current one's budget is spent mid-turn. */
  private boolean toLocal() {
    String spent = order.get(current);
    for (int i = current + 1; i < order.size(); i++) {
      if (pool.client(order.get(i)).spec().local()) {
        current = i;
        spentModel = spent;
        pool.chosen(request, order.get(i), spent + " has spent its monthly budget", order.subList(i, order.size()));
        return true;
      }
    }
    return false;
  }

  private void record(ModelClient client, ChatResponse response, int measuredInput, long millis) {
    TokenUsage usage = response.tokenUsage();
    int input = usage != null && usage.inputTokenCount() != null ? usage.inputTokenCount() : measuredInput;
    int output = usage != null && usage.outputTokenCount() != null ? usage.outputTokenCount()
        : client.counter().estimateTokenCountInText(response.aiMessage().text());
    ledger(client, input, output, client.spec().cost(input, output), millis, "ok");
  }

  private void ledger(ModelClient client, int input, int output, double cost, long millis, String outcome) {
    pool.recordCall(client.spec(), request.turnId(), request.conversationId(), request.profile(), input, output,
        cost, millis, outcome);
  }
}
