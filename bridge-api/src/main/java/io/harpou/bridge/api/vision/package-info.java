/** Vision: a model that reads images, for tools that describe what a camera sees. */
package io.harpou.bridge.api.vision;
