/** An application that uses only the Wyoming protocol library. */
package io.harpou.samples.wyomingserver;
