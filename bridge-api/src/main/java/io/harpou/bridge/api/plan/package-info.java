/**
 * Visible plans: the steps the agent proposed for a request that needs several, and how each went, kept across
 * restarts.
 */
package io.harpou.bridge.api.plan;
