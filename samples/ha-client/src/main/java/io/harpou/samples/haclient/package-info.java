/** An application that embeds only the Home Assistant client. */
package io.harpou.samples.haclient;
