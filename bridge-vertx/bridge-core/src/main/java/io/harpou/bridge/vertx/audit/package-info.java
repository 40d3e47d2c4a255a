/**
 * The audit log: one row per tool execution (refusals included), written by the agent's tool executor before the
 * reply is sent, and queried by time, tool and room for {@code GET /api/audit}.
 */
package io.harpou.bridge.vertx.audit;
