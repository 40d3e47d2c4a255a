/**
 * A ComfyUI simulator: its HTTP API ({@code /prompt}, {@code /history}, {@code /view}, {@code /queue},
 * {@code /system_stats}, {@code /object_info}) and WebSocket ({@code /ws}: {@code status}, {@code execution_start},
 * {@code executing}, {@code progress}, {@code executed}, {@code execution_success}) for a text-to-image workflow's
 * nodes, judged by a ComfyUI client from the npm registry.
 */
package io.harpou.testkit.comfyui;
