/** The ComfyUI simulator's routes, prompt validation and execution, and the pictures it paints. */
package io.harpou.testkit.comfyui.impl;
