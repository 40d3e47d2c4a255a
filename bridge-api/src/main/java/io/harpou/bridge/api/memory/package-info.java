/**
 * What the household told Harpou to remember, scoped to the household, a person or a room, with where each memory
 * came from. {@link io.harpou.bridge.api.memory.MemoryStore} recalls by meaning and by words together.
 */
package io.harpou.bridge.api.memory;
