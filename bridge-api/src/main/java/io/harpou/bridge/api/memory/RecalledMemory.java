package io.harpou.bridge.api.memory;

/**
 * A memory found by recall, with its relevance.
 *
 * @param memory the memory
 * @param score higher is more relevant; comparable within one recall only
 */
public record RecalledMemory(Memory memory, double score) {
}
