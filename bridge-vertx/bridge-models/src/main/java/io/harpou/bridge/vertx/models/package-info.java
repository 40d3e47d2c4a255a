/**
 * Several named language models behind one agent: their configuration ({@link io.harpou.bridge.vertx.models.ModelSpec},
 * {@link io.harpou.bridge.vertx.models.ModelsOptions}), routing each turn to the right one
 * ({@link io.harpou.bridge.vertx.models.Router}), falling back when one fails, fitting prompts to each window
 * ({@link io.harpou.bridge.vertx.models.ContextFit}), and the ledger of calls with monthly budgets
 * ({@link io.harpou.bridge.vertx.models.ModelPool}, {@link io.harpou.bridge.vertx.models.ModelTurn}).
 */
package io.harpou.bridge.vertx.models;
