/**
 * Voice timers, as Home Assistant's Assist keeps them: started by a spoken request, named or not, paused, resumed,
 * lengthened or shortened, and announced on the satellite that set them; a timer may carry a command to run when it
 * ends ("turn off the oven in ten minutes").
 */
package io.harpou.bridge.api.timer;
