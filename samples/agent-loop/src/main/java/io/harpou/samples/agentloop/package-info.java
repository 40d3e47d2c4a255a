/** An application that runs the agent loop alone. */
package io.harpou.samples.agentloop;
